package se.scbdelivery.delivery.gdb;

import java.time.Clock;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import org.springframework.batch.core.ExitStatus;
import org.springframework.batch.core.job.JobExecution;
import org.springframework.batch.core.scope.context.ChunkContext;
import org.springframework.batch.core.step.StepContribution;
import org.springframework.batch.core.step.tasklet.StoppableTasklet;
import org.springframework.batch.infrastructure.repeat.RepeatStatus;

import se.scbdelivery.config.ScbProperties;
import se.scbdelivery.delivery.journal.DeliveryJournal;
import se.scbdelivery.delivery.journal.DeliveryJournals;
import se.scbdelivery.delivery.journal.GdbAnswer;
import se.scbdelivery.delivery.journal.GdbVerdict;
import se.scbdelivery.delivery.journal.JournalEntry;
import se.scbdelivery.delivery.journal.UploadAttempt;
import se.scbdelivery.delivery.journal.Verdict;
import se.scbdelivery.delivery.step.PollPacer;
import se.scbdelivery.scb.gdb.DeliveryId;
import se.scbdelivery.scb.gdb.GdbClient;
import se.scbdelivery.scb.gdb.GdbStatus;
import se.scbdelivery.scb.gdb.HistoryEntry;

/**
 * Follows the current attempt's DeliveryId in {@code history/} until SCB's status is
 * final, and records it in the journal. One poll per call, so each poll is its own
 * transaction and a stop request is honoured between polls. The wait grows from
 * {@code scb.poll.interval} to {@code scb.poll.max-interval}; after
 * {@code scb.poll.timeout} the step fails, and a restart follows the same DeliveryId
 * again (it never uploads again). {@code Systemfel} ends the step with {@link #RESUBMIT}
 * while re-uploads remain. One instance per step execution.
 */
class GdbAwaitProcessingTasklet implements StoppableTasklet {

	/** Exit status asking the flow for a new validation, heartbeat and upload. */
	static final String RESUBMIT = "RESUBMIT";

	private static final Logger logger = LoggerFactory.getLogger(GdbAwaitProcessingTasklet.class);

	private final GdbClient gdb;

	private final GdbSessions sessions;

	private final DeliveryJournals journals;

	private final int systemfelRetries;

	private final Clock clock;

	private final PollPacer pacer;

	GdbAwaitProcessingTasklet(GdbClient gdb, GdbSessions sessions, DeliveryJournals journals, ScbProperties properties,
			Clock clock) {
		this.gdb = gdb;
		this.sessions = sessions;
		this.journals = journals;
		this.systemfelRetries = properties.upload().systemfelRetries();
		this.clock = clock;
		this.pacer = new PollPacer(properties.poll(), clock);
	}

	@Override
	public RepeatStatus execute(StepContribution contribution, ChunkContext chunkContext) throws InterruptedException {
		JobExecution execution = chunkContext.getStepContext().getStepExecution().getJobExecution();
		UploadAttempt attempt = this.journals.read(execution).currentAttempt();
		String deliveryId = (attempt != null) ? attempt.deliveryId() : null;
		if (deliveryId == null) {
			throw new IllegalStateException("execution " + execution.getId() + " has no DeliveryId to follow");
		}
		if (!this.pacer.awaitNextPoll("SCB has not finished processing DeliveryId " + deliveryId,
				"follow it again with 'restart " + execution.getId() + "'; it will not be uploaded again")) {
			// stopped: the step sees its stop request after this call and ends STOPPED
			return RepeatStatus.CONTINUABLE;
		}
		HistoryEntry entry = this.gdb.history(this.sessions.get(execution.getId()), new DeliveryId(deliveryId));
		GdbStatus status = entry.gdbStatus();
		logger.info("DeliveryId {}: Status '{}', ProgressStatus {}, FileWasUploaded {}", deliveryId, entry.status(),
				entry.progressStatus(), entry.fileWasUploaded());
		if (!status.isFinal()) {
			this.journals.update(execution, (journal) -> journal.withLastAnswer(new GdbAnswer(entry))
				.withCurrentAttempt(UploadAttempt::polled));
			return RepeatStatus.CONTINUABLE;
		}
		GdbVerdict verdict = new GdbVerdict(entry.status(), entry.progressStatus());
		DeliveryJournal journal = this.journals.update(execution, (j) -> j.withLastAnswer(new GdbAnswer(entry))
			.withCurrentAttempt((a) -> a.polled().ended(verdict, execution.getId(), this.clock.instant())));
		if (verdict.meaning() == Verdict.Meaning.SYSTEM_ERROR) {
			resubmit(contribution, execution, journal, deliveryId);
		}
		return RepeatStatus.FINISHED;
	}

	/**
	 * Asks the flow for a new upload, or fails the step when SCB answered Systemfel
	 * through every re-upload allowed in this run.
	 */
	private void resubmit(StepContribution contribution, JobExecution execution, DeliveryJournal journal,
			String deliveryId) {
		long systemErrors = journal.attempts()
			.stream()
			.filter((a) -> a.endedIn(execution.getId()))
			.filter((a) -> a.verdict() != null && a.verdict().meaning() == Verdict.Meaning.SYSTEM_ERROR)
			.count();
		if (systemErrors > this.systemfelRetries) {
			throw new SystemErrorPersistsException("SCB answered Systemfel for DeliveryId " + deliveryId + " after "
					+ systemErrors + " uploads in this run (scb.upload.systemfel-retries=" + this.systemfelRetries
					+ "): try again later with 'restart " + execution.getId() + "'; if it persists, contact SCB");
		}
		logger.warn("SCB answered Systemfel for DeliveryId {}: uploading the file again ({} of {} re-uploads)",
				deliveryId, systemErrors, this.systemfelRetries);
		this.journals.note(execution, JournalEntry.Kind.WARNING, "SCB answered Systemfel for DeliveryId " + deliveryId
				+ ": uploading the file again (re-upload " + systemErrors + " of " + this.systemfelRetries + ")", null);
		contribution.setExitStatus(new ExitStatus(RESUBMIT));
	}

	@Override
	public void stop() {
		this.pacer.stop();
	}

}
