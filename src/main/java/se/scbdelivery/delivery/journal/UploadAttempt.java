package se.scbdelivery.delivery.journal;

import java.time.Instant;

import com.fasterxml.jackson.annotation.JsonCreator;
import com.fasterxml.jackson.annotation.JsonProperty;
import org.jspecify.annotations.Nullable;

/**
 * One complete upload of the file and what SCB finally said about it. Through GDB: the
 * fragments, the completing -1 and its DeliveryId; a delivery has more than one only when
 * SCB answered {@code Systemfel} ("upload again"). Through the generic service: one POST
 * and its ticket; a second attempt means the first POST's answer was lost.
 *
 * @param receipt what SCB gave back for the upload, once it did
 * @param end how the attempt ended, once it did
 */
public record UploadAttempt(int number, long startedInExecution, Instant startedAt, @Nullable ScbReceipt receipt,
		@Nullable Instant uploadedAt, int polls, @Nullable AttemptEnd end, boolean startedOver) {

	public static UploadAttempt begin(int number, long executionId, Instant now) {
		return new UploadAttempt(number, executionId, now, null, null, 0, null, false);
	}

	/**
	 * Reads an attempt as this version writes it, or as versions before the channel
	 * became a type wrote it: DeliveryId, ticket and final status as flat, nullable
	 * fields, with the generic verdict written as the text
	 * {@code successfulValidation true|false}.
	 */
	@JsonCreator
	static UploadAttempt fromJson(@JsonProperty("number") int number,
			@JsonProperty("startedInExecution") long startedInExecution, @JsonProperty("startedAt") Instant startedAt,
			@JsonProperty("receipt") @Nullable ScbReceipt receipt,
			@JsonProperty("uploadedAt") @Nullable Instant uploadedAt, @JsonProperty("polls") int polls,
			@JsonProperty("end") @Nullable AttemptEnd end, @JsonProperty("startedOver") boolean startedOver,
			@JsonProperty("deliveryId") @Nullable String deliveryId, @JsonProperty("ticket") @Nullable String ticket,
			@JsonProperty("receiptTimeStamp") @Nullable String receiptTimeStamp,
			@JsonProperty("finalStatus") @Nullable String finalStatus,
			@JsonProperty("finalProgressStatus") @Nullable Integer finalProgressStatus,
			@JsonProperty("finishedInExecution") @Nullable Long finishedInExecution,
			@JsonProperty("finishedAt") @Nullable Instant finishedAt) {
		if (receipt == null && deliveryId != null) {
			receipt = new GdbReceipt(deliveryId, receiptTimeStamp);
		}
		else if (receipt == null && ticket != null) {
			receipt = new GenericReceipt(ticket);
		}
		if (end == null && finalStatus != null && finishedInExecution != null && finishedAt != null) {
			end = new AttemptEnd(legacyVerdict(finalStatus, finalProgressStatus), finishedInExecution, finishedAt);
		}
		return new UploadAttempt(number, startedInExecution, startedAt, receipt, uploadedAt, polls, end, startedOver);
	}

	private static Verdict legacyVerdict(String finalStatus, @Nullable Integer finalProgressStatus) {
		if (finalProgressStatus != null) {
			return new GdbVerdict(finalStatus, finalProgressStatus);
		}
		if (finalStatus.equals("successfulValidation true") || finalStatus.equals("successfulValidation false")) {
			return new GenericVerdict(finalStatus.endsWith("true"));
		}
		return new NoVerdict(finalStatus);
	}

	public UploadAttempt uploaded(ScbReceipt receipt, Instant now) {
		return new UploadAttempt(this.number, this.startedInExecution, this.startedAt, receipt, now, this.polls,
				this.end, this.startedOver);
	}

	public UploadAttempt polled() {
		return new UploadAttempt(this.number, this.startedInExecution, this.startedAt, this.receipt, this.uploadedAt,
				this.polls + 1, this.end, this.startedOver);
	}

	/** SCB's final word: the attempt is over. */
	public UploadAttempt ended(Verdict verdict, long executionId, Instant now) {
		return new UploadAttempt(this.number, this.startedInExecution, this.startedAt, this.receipt, this.uploadedAt,
				this.polls, new AttemptEnd(verdict, executionId, now), this.startedOver);
	}

	/** SCB refused the upload itself; the attempt is over. */
	public UploadAttempt refused(int httpStatus, long executionId, Instant now) {
		return ended(new NoVerdict("refused with HTTP " + httpStatus), executionId, now);
	}

	/**
	 * The attempt is over without an answer from SCB: its request may or may not have
	 * arrived.
	 */
	public UploadAttempt unanswered(long executionId, Instant now) {
		return ended(new NoVerdict("no answer: SCB may have received it"), executionId, now);
	}

	public UploadAttempt startingOver() {
		return new UploadAttempt(this.number, this.startedInExecution, this.startedAt, this.receipt, this.uploadedAt,
				this.polls, this.end, true);
	}

	/** The DeliveryId, when SCB gave one for this attempt through GDB. */
	public @Nullable String deliveryId() {
		return (this.receipt instanceof GdbReceipt gdb) ? gdb.deliveryId() : null;
	}

	/** The ticket, when the generic service gave one for this attempt. */
	public @Nullable String ticket() {
		return (this.receipt instanceof GenericReceipt generic) ? generic.ticket() : null;
	}

	/** SCB's verdict (or why there is none), once the attempt is over. */
	public @Nullable Verdict verdict() {
		return (this.end != null) ? this.end.verdict() : null;
	}

	public boolean isUploaded() {
		return this.receipt != null;
	}

	public boolean isFinished() {
		return this.end != null;
	}

	/** Whether the attempt ended in this execution. */
	public boolean endedIn(long executionId) {
		return this.end != null && this.end.execution() == executionId;
	}

}
