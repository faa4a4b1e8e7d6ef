package se.scbdelivery.delivery;

import java.time.Clock;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import org.springframework.batch.core.job.JobExecution;
import org.springframework.batch.core.listener.StepExecutionListener;
import org.springframework.batch.core.step.StepExecution;

/**
 * Opens a new upload attempt in the journal when an upload starts from the beginning, and
 * notes the resume point when it continues an interrupted one.
 */
class UploadAttemptListener implements StepExecutionListener {

	private static final Logger logger = LoggerFactory.getLogger(UploadAttemptListener.class);

	private final DeliveryJournals journals;

	private final Clock clock;

	UploadAttemptListener(DeliveryJournals journals, Clock clock) {
		this.journals = journals;
		this.clock = clock;
	}

	@Override
	public void beforeStep(StepExecution stepExecution) {
		JobExecution execution = stepExecution.getJobExecution();
		DeliveryJournal journal = this.journals.read(execution);
		UploadAttempt current = journal.currentAttempt();
		if (current == null || current.isFinished()) {
			int number = journal.attempts().size() + 1;
			this.journals.update(execution,
					(j) -> j.withNewAttempt(UploadAttempt.begin(number, execution.getId(), this.clock.instant())));
			return;
		}
		int next = FragmentReader.savedPosition(stepExecution.getExecutionContext());
		String message = (next >= journal.fragmentCount())
				? "Resuming the upload at the completing fragment -1 (all " + journal.fragmentCount()
						+ " data fragments were acknowledged)"
				: "Resuming the upload at fragment " + next + " of " + journal.fragmentCount()
						+ " (fragments 0.." + (next - 1) + " were acknowledged)";
		if (next > 0) {
			logger.info(message);
			this.journals.note(execution, JournalEntry.Kind.INFO, message, null);
		}
	}

}
