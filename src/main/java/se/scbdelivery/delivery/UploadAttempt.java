package se.scbdelivery.delivery;

import java.time.Instant;

import org.jspecify.annotations.Nullable;

/**
 * One complete upload of the file and what SCB finally said about it. Through GDB: the
 * fragments, the completing -1 and its DeliveryId; a delivery has more than one only when SCB
 * answered {@code Systemfel} ("upload again"). Through the generic service: one POST and its
 * ticket; a second attempt means the first POST's answer was lost.
 */
public record UploadAttempt(int number, long startedInExecution, Instant startedAt, @Nullable String deliveryId,
		@Nullable String ticket, @Nullable String receiptTimeStamp, @Nullable Instant uploadedAt, int polls,
		@Nullable String finalStatus, @Nullable Integer finalProgressStatus, @Nullable Long finishedInExecution,
		@Nullable Instant finishedAt, boolean startedOver) {

	static UploadAttempt begin(int number, long executionId, Instant now) {
		return new UploadAttempt(number, executionId, now, null, null, null, null, 0, null, null, null, null, false);
	}

	UploadAttempt uploaded(String deliveryId, @Nullable String receiptTimeStamp, Instant now) {
		return new UploadAttempt(this.number, this.startedInExecution, this.startedAt, deliveryId, this.ticket,
				receiptTimeStamp, now, this.polls, this.finalStatus, this.finalProgressStatus, this.finishedInExecution,
				this.finishedAt, this.startedOver);
	}

	UploadAttempt ticketed(String ticket, Instant now) {
		return new UploadAttempt(this.number, this.startedInExecution, this.startedAt, this.deliveryId, ticket,
				this.receiptTimeStamp, now, this.polls, this.finalStatus, this.finalProgressStatus,
				this.finishedInExecution, this.finishedAt, this.startedOver);
	}

	UploadAttempt polled() {
		return new UploadAttempt(this.number, this.startedInExecution, this.startedAt, this.deliveryId, this.ticket,
				this.receiptTimeStamp, this.uploadedAt, this.polls + 1, this.finalStatus, this.finalProgressStatus,
				this.finishedInExecution, this.finishedAt, this.startedOver);
	}

	UploadAttempt finished(String status, int progressStatus, long executionId, Instant now) {
		return new UploadAttempt(this.number, this.startedInExecution, this.startedAt, this.deliveryId, this.ticket,
				this.receiptTimeStamp, this.uploadedAt, this.polls, status, progressStatus, executionId, now,
				this.startedOver);
	}

	/** The generic service's verdict: {@code finalStatus} says whether validation succeeded. */
	UploadAttempt validated(boolean successful, long executionId, Instant now) {
		return new UploadAttempt(this.number, this.startedInExecution, this.startedAt, this.deliveryId, this.ticket,
				this.receiptTimeStamp, this.uploadedAt, this.polls,
				successful ? "successfulValidation true" : "successfulValidation false", null, executionId, now,
				this.startedOver);
	}

	/** SCB refused the upload itself; the attempt is over. */
	UploadAttempt refused(int httpStatus, long executionId, Instant now) {
		return ended("refused with HTTP " + httpStatus, executionId, now);
	}

	/** The attempt is over without an answer from SCB: its request may or may not have arrived. */
	UploadAttempt unanswered(long executionId, Instant now) {
		return ended("no answer: SCB may have received it", executionId, now);
	}

	private UploadAttempt ended(String why, long executionId, Instant now) {
		return new UploadAttempt(this.number, this.startedInExecution, this.startedAt, this.deliveryId, this.ticket,
				this.receiptTimeStamp, this.uploadedAt, this.polls, why, null, executionId, now, this.startedOver);
	}

	UploadAttempt startingOver() {
		return new UploadAttempt(this.number, this.startedInExecution, this.startedAt, this.deliveryId, this.ticket,
				this.receiptTimeStamp, this.uploadedAt, this.polls, this.finalStatus, this.finalProgressStatus,
				this.finishedInExecution, this.finishedAt, true);
	}

	boolean isUploaded() {
		return this.deliveryId != null || this.ticket != null;
	}

	boolean isFinished() {
		return this.finalStatus != null;
	}

}
