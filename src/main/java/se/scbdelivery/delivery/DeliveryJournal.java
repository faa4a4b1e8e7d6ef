package se.scbdelivery.delivery;

import java.util.ArrayList;
import java.util.List;
import java.util.function.UnaryOperator;

import org.jspecify.annotations.Nullable;

import se.scbdelivery.scb.gdb.HistoryEntry;
import se.scbdelivery.scb.generic.ValidationResult;

/**
 * Everything that happened to one delivery across all its executions: the file's size and
 * fragment count, every upload attempt with its DeliveryId or ticket and final status, SCB's
 * last history answer (GDB) or its whole validation result (generic service), and every
 * notable event. Kept in the job's ExecutionContext (which a
 * restart carries over) and written the moment something happens, so nothing SCB said is
 * lost when a process dies.
 */
public record DeliveryJournal(long fileSize, int fragmentCount, int fragmentSize, List<UploadAttempt> attempts,
		List<JournalEntry> entries, @Nullable HistoryEntry lastStatus, @Nullable ValidationResult validation,
		@Nullable String reportFile) {

	public DeliveryJournal {
		attempts = List.copyOf(attempts);
		entries = List.copyOf(entries);
	}

	static DeliveryJournal empty() {
		return new DeliveryJournal(0, 0, 0, List.of(), List.of(), null, null, null);
	}

	public @Nullable UploadAttempt currentAttempt() {
		return this.attempts.isEmpty() ? null : this.attempts.get(this.attempts.size() - 1);
	}

	/** The DeliveryId of the newest attempt that got one. */
	public @Nullable String deliveryId() {
		for (int i = this.attempts.size() - 1; i >= 0; i--) {
			if (this.attempts.get(i).deliveryId() != null) {
				return this.attempts.get(i).deliveryId();
			}
		}
		return null;
	}

	DeliveryJournal withFile(long size, int fragments, int fragmentSize) {
		return new DeliveryJournal(size, fragments, fragmentSize, this.attempts, this.entries, this.lastStatus,
				this.validation, this.reportFile);
	}

	DeliveryJournal withNewAttempt(UploadAttempt attempt) {
		List<UploadAttempt> all = new ArrayList<>(this.attempts);
		all.add(attempt);
		return new DeliveryJournal(this.fileSize, this.fragmentCount, this.fragmentSize, all, this.entries,
				this.lastStatus, this.validation, this.reportFile);
	}

	DeliveryJournal withCurrentAttempt(UnaryOperator<UploadAttempt> change) {
		List<UploadAttempt> all = new ArrayList<>(this.attempts);
		all.set(all.size() - 1, change.apply(all.get(all.size() - 1)));
		return new DeliveryJournal(this.fileSize, this.fragmentCount, this.fragmentSize, all, this.entries,
				this.lastStatus, this.validation, this.reportFile);
	}

	DeliveryJournal with(JournalEntry entry) {
		List<JournalEntry> all = new ArrayList<>(this.entries);
		all.add(entry);
		return new DeliveryJournal(this.fileSize, this.fragmentCount, this.fragmentSize, this.attempts, all,
				this.lastStatus, this.validation, this.reportFile);
	}

	DeliveryJournal withLastStatus(HistoryEntry status) {
		return new DeliveryJournal(this.fileSize, this.fragmentCount, this.fragmentSize, this.attempts, this.entries,
				status, this.validation, this.reportFile);
	}

	DeliveryJournal withReportFile(String reportFile) {
		return new DeliveryJournal(this.fileSize, this.fragmentCount, this.fragmentSize, this.attempts, this.entries,
				this.lastStatus, this.validation, reportFile);
	}

	DeliveryJournal withValidation(ValidationResult result) {
		return new DeliveryJournal(this.fileSize, this.fragmentCount, this.fragmentSize, this.attempts, this.entries,
				this.lastStatus, result, this.reportFile);
	}

	/** The ticket of the newest attempt that got one. */
	public @Nullable String ticket() {
		for (int i = this.attempts.size() - 1; i >= 0; i--) {
			if (this.attempts.get(i).ticket() != null) {
				return this.attempts.get(i).ticket();
			}
		}
		return null;
	}

}
