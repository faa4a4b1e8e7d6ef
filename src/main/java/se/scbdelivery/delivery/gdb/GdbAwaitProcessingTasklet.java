package se.scbdelivery.delivery.gdb;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import org.springframework.batch.core.ExitStatus;
import org.springframework.batch.core.job.JobExecution;
import org.springframework.batch.core.scope.context.ChunkContext;
import org.springframework.batch.core.step.StepContribution;
import org.springframework.batch.core.step.tasklet.Tasklet;
import org.springframework.batch.infrastructure.repeat.RepeatStatus;

import se.scbdelivery.config.ScbProperties;
import se.scbdelivery.delivery.journal.DeliveryJournal;
import se.scbdelivery.delivery.journal.DeliveryJournals;
import se.scbdelivery.delivery.journal.JournalEntry;
import se.scbdelivery.delivery.journal.UploadAttempt;
import se.scbdelivery.delivery.journal.Verdict;
import se.scbdelivery.delivery.outcome.DeliveryOutcome;
import se.scbdelivery.delivery.waiting.WaitingRuns;

/**
 * Asks for SCB's verdict on the current attempt's DeliveryId once, unless the follower of
 * waiting deliveries has recorded it already. Not final yet: the step ends
 * {@link DeliveryOutcome#WAITING}, the flow stops the execution, and the follower polls
 * on without holding a delivery slot; once SCB's answer is final it restarts the
 * execution, and this step finds the verdict. {@code Systemfel} ends the step with
 * {@link #RESUBMIT} while re-uploads remain in this run. Past {@code scb.poll.timeout}
 * the step fails, and a restart follows the same DeliveryId again: it never uploads
 * again.
 */
class GdbAwaitProcessingTasklet implements Tasklet {

	/** Exit status asking the flow for a new validation, heartbeat and upload. */
	static final String RESUBMIT = "RESUBMIT";

	private static final Logger logger = LoggerFactory.getLogger(GdbAwaitProcessingTasklet.class);

	private final GdbHistoryPoll history;

	private final GdbSessions sessions;

	private final DeliveryJournals journals;

	private final WaitingRuns runs;

	private final int systemfelRetries;

	GdbAwaitProcessingTasklet(GdbHistoryPoll history, GdbSessions sessions, DeliveryJournals journals, WaitingRuns runs,
			ScbProperties properties) {
		this.history = history;
		this.sessions = sessions;
		this.journals = journals;
		this.runs = runs;
		this.systemfelRetries = properties.upload().systemfelRetries();
	}

	@Override
	public RepeatStatus execute(StepContribution contribution, ChunkContext chunkContext) {
		JobExecution execution = chunkContext.getStepContext().getStepExecution().getJobExecution();
		String deliveryId = this.history.deliveryId(execution);
		if (this.journals.read(execution).verdict() == null) {
			this.runs.beforePoll(execution, deliveryId, "SCB has not finished processing DeliveryId " + deliveryId,
					"follow it again with 'restart " + execution.getId() + "'; it will not be uploaded again");
			if (!this.history.poll(execution, this.sessions.get(execution.getId()))) {
				contribution.setExitStatus(new ExitStatus(DeliveryOutcome.WAITING.name()));
				return RepeatStatus.FINISHED;
			}
		}
		DeliveryJournal journal = this.journals.read(execution);
		Verdict verdict = journal.verdict();
		if (verdict != null && verdict.meaning() == Verdict.Meaning.SYSTEM_ERROR) {
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
		long runStart = this.runs.firstExecution(execution);
		long systemErrors = journal.attempts()
			.stream()
			.filter((a) -> a.verdict() != null && a.verdict().meaning() == Verdict.Meaning.SYSTEM_ERROR)
			.filter((a) -> endedInThisRun(a, runStart))
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

	/** Whether the poll step of this execution asked for a re-upload after Systemfel. */
	static boolean resubmitAsked(JobExecution execution) {
		return execution.getStepExecutions()
			.stream()
			.anyMatch((step) -> RESUBMIT.equals(step.getExitStatus().getExitCode()));
	}

	private static boolean endedInThisRun(UploadAttempt attempt, long runStart) {
		return attempt.end() != null && attempt.end().execution() >= runStart;
	}

}
