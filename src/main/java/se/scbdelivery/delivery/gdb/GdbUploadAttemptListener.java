package se.scbdelivery.delivery.gdb;

import java.time.Clock;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import org.springframework.batch.core.job.JobExecution;
import org.springframework.batch.core.listener.StepExecutionListener;
import org.springframework.batch.core.step.StepExecution;

import se.scbdelivery.delivery.journal.DeliveryJournal;
import se.scbdelivery.delivery.journal.DeliveryJournals;
import se.scbdelivery.delivery.journal.JournalEntry;
import se.scbdelivery.delivery.journal.UploadAttempt;

/**
 * Before the upload step: fixes how the file is cut for the life of the delivery (so a
 * resumed upload cuts it exactly as before, whatever {@code scb.upload.fragment-size}
 * says now), opens a new upload attempt in the journal when an upload starts from the
 * beginning, notes the resume point when it continues an interrupted one, and sends
 * nothing when the current attempt's upload is complete (a restart after waiting for
 * SCB).
 */
class GdbUploadAttemptListener implements StepExecutionListener {

	private static final Logger logger = LoggerFactory.getLogger(GdbUploadAttemptListener.class);

	private final DeliveryJournals journals;

	private final int fragmentSize;

	private final Clock clock;

	GdbUploadAttemptListener(DeliveryJournals journals, int fragmentSize, Clock clock) {
		this.journals = journals;
		this.fragmentSize = fragmentSize;
		this.clock = clock;
	}

	@Override
	public void beforeStep(StepExecution stepExecution) {
		JobExecution execution = stepExecution.getJobExecution();
		DeliveryJournal journal = this.journals.read(execution);
		if (journal.fragmentSize() == 0) {
			FragmentPlan plan = new FragmentPlan(journal.fileSize(), this.fragmentSize);
			journal = this.journals.update(execution,
					(j) -> j.withFile(plan.fileSize(), plan.count(), this.fragmentSize));
		}
		UploadAttempt current = journal.currentAttempt();
		if (current != null && current.isUploaded() && !GdbAwaitProcessingTasklet.resubmitAsked(execution)) {
			// a restart of a delivery that waited for SCB: its DeliveryId is recorded, so
			// nothing is sent again (after Systemfel, the poll step decides on a
			// re-upload)
			FragmentReader.skipAll(stepExecution.getExecutionContext(), journal.fragmentCount());
			return;
		}
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
				: "Resuming the upload at fragment " + next + " of " + journal.fragmentCount() + " (fragments 0.."
						+ (next - 1) + " were acknowledged)";
		if (next > 0) {
			logger.info(message);
			this.journals.note(execution, JournalEntry.Kind.INFO, message, null);
		}
	}

}
