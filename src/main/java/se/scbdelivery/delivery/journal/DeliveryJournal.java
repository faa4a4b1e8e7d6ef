package se.scbdelivery.delivery.journal;

import java.util.ArrayList;
import java.util.List;
import java.util.function.UnaryOperator;

import com.fasterxml.jackson.annotation.JsonCreator;
import com.fasterxml.jackson.annotation.JsonProperty;
import org.jspecify.annotations.Nullable;

import se.scbdelivery.scb.gdb.HistoryEntry;
import se.scbdelivery.scb.generic.ValidationResult;

/**
 * Everything that happened to one delivery across all its executions: the file's size and
 * fragment count, every upload attempt with its receipt and verdict, SCB's last detailed
 * answer, and every notable event. Kept in the job's ExecutionContext (which a restart
 * carries over) and written the moment something happens, so nothing SCB said is lost
 * when a process dies.
 *
 * @param fragmentCount GDB's data fragments; 0 for a file that goes whole
 * @param lastAnswer SCB's latest detailed answer, once there is one
 */
public record DeliveryJournal(long fileSize, int fragmentCount, int fragmentSize, List<UploadAttempt> attempts,
		List<JournalEntry> entries, @Nullable ScbAnswer lastAnswer, @Nullable String reportFile) {

	public DeliveryJournal {
		attempts = List.copyOf(attempts);
		entries = List.copyOf(entries);
	}

	static DeliveryJournal empty() {
		return new DeliveryJournal(0, 0, 0, List.of(), List.of(), null, null);
	}

	/**
	 * Reads a journal as this version writes it, or as versions before the channel became
	 * a type wrote it: GDB's last history entry and the generic validation result as two
	 * nullable fields.
	 */
	@JsonCreator
	static DeliveryJournal fromJson(@JsonProperty("fileSize") long fileSize,
			@JsonProperty("fragmentCount") int fragmentCount, @JsonProperty("fragmentSize") int fragmentSize,
			@JsonProperty("attempts") @Nullable List<UploadAttempt> attempts,
			@JsonProperty("entries") @Nullable List<JournalEntry> entries,
			@JsonProperty("lastAnswer") @Nullable ScbAnswer lastAnswer,
			@JsonProperty("reportFile") @Nullable String reportFile,
			@JsonProperty("lastStatus") @Nullable HistoryEntry lastStatus,
			@JsonProperty("validation") @Nullable ValidationResult validation) {
		if (lastAnswer == null && validation != null) {
			lastAnswer = new GenericAnswer(validation);
		}
		else if (lastAnswer == null && lastStatus != null) {
			lastAnswer = new GdbAnswer(lastStatus);
		}
		return new DeliveryJournal(fileSize, fragmentCount, fragmentSize, (attempts != null) ? attempts : List.of(),
				(entries != null) ? entries : List.of(), lastAnswer, reportFile);
	}

	public @Nullable UploadAttempt currentAttempt() {
		return this.attempts.isEmpty() ? null : this.attempts.get(this.attempts.size() - 1);
	}

	/** The receipt of the newest attempt that got one. */
	public @Nullable ScbReceipt receipt() {
		for (int i = this.attempts.size() - 1; i >= 0; i--) {
			if (this.attempts.get(i).receipt() != null) {
				return this.attempts.get(i).receipt();
			}
		}
		return null;
	}

	/** The DeliveryId of the newest attempt that got one. */
	public @Nullable String deliveryId() {
		return (receipt() instanceof GdbReceipt gdb) ? gdb.deliveryId() : null;
	}

	/** The ticket of the newest attempt that got one. */
	public @Nullable String ticket() {
		return (receipt() instanceof GenericReceipt generic) ? generic.ticket() : null;
	}

	/** SCB's verdict on the current attempt, once it has one. */
	public @Nullable Verdict verdict() {
		UploadAttempt current = currentAttempt();
		return (current != null) ? current.verdict() : null;
	}

	/**
	 * Whether SCB's verdict on the current attempt settles the delivery: loaded, loaded
	 * with errors, or not loaded. Then nothing more is sent to SCB or asked of it.
	 */
	public boolean isSettled() {
		Verdict verdict = verdict();
		return verdict != null && switch (verdict.meaning()) {
			case LOADED, LOADED_WITH_ERRORS, NOT_LOADED -> true;
			case SYSTEM_ERROR, NONE -> false;
		};
	}

	/** GDB's last history answer, if SCB gave one. */
	public @Nullable HistoryEntry lastHistory() {
		return (this.lastAnswer instanceof GdbAnswer gdb) ? gdb.history() : null;
	}

	/** The generic service's validation result, if SCB gave one. */
	public @Nullable ValidationResult validation() {
		return (this.lastAnswer instanceof GenericAnswer generic) ? generic.result() : null;
	}

	public DeliveryJournal withFile(long size, int fragments, int fragmentSize) {
		return new DeliveryJournal(size, fragments, fragmentSize, this.attempts, this.entries, this.lastAnswer,
				this.reportFile);
	}

	public DeliveryJournal withNewAttempt(UploadAttempt attempt) {
		List<UploadAttempt> all = new ArrayList<>(this.attempts);
		all.add(attempt);
		return new DeliveryJournal(this.fileSize, this.fragmentCount, this.fragmentSize, all, this.entries,
				this.lastAnswer, this.reportFile);
	}

	public DeliveryJournal withCurrentAttempt(UnaryOperator<UploadAttempt> change) {
		List<UploadAttempt> all = new ArrayList<>(this.attempts);
		all.set(all.size() - 1, change.apply(all.get(all.size() - 1)));
		return new DeliveryJournal(this.fileSize, this.fragmentCount, this.fragmentSize, all, this.entries,
				this.lastAnswer, this.reportFile);
	}

	public DeliveryJournal with(JournalEntry entry) {
		List<JournalEntry> all = new ArrayList<>(this.entries);
		all.add(entry);
		return new DeliveryJournal(this.fileSize, this.fragmentCount, this.fragmentSize, this.attempts, all,
				this.lastAnswer, this.reportFile);
	}

	public DeliveryJournal withLastAnswer(ScbAnswer answer) {
		return new DeliveryJournal(this.fileSize, this.fragmentCount, this.fragmentSize, this.attempts, this.entries,
				answer, this.reportFile);
	}

	public DeliveryJournal withReportFile(String reportFile) {
		return new DeliveryJournal(this.fileSize, this.fragmentCount, this.fragmentSize, this.attempts, this.entries,
				this.lastAnswer, reportFile);
	}

}
