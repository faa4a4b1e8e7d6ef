package se.scbdelivery.delivery;

import java.time.Clock;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import org.springframework.batch.core.BatchStatus;
import org.springframework.batch.core.ExitStatus;
import org.springframework.batch.core.job.JobExecution;
import org.springframework.batch.core.scope.context.ChunkContext;
import org.springframework.batch.core.step.StepContribution;
import org.springframework.batch.core.step.tasklet.StoppableTasklet;
import org.springframework.batch.infrastructure.repeat.RepeatStatus;

import se.scbdelivery.config.ScbProperties;
import se.scbdelivery.scb.gdb.DeliveryId;
import se.scbdelivery.scb.gdb.GdbClient;
import se.scbdelivery.scb.gdb.GdbStatus;
import se.scbdelivery.scb.gdb.HistoryEntry;

/**
 * Follows the current attempt's DeliveryId in {@code history/} until SCB's status is final.
 * One poll per call, so each poll is its own transaction and a stop request is honoured
 * between polls. The wait grows from {@code scb.poll.interval} to
 * {@code scb.poll.max-interval}; after {@code scb.poll.timeout} the step fails, and a restart
 * follows the same DeliveryId again (it never uploads again). {@code Systemfel} ends the
 * step with {@link #RESUBMIT} while re-uploads remain; any other final status is written to the
 * delivery's report. One instance per step execution.
 */
class AwaitProcessingTasklet implements StoppableTasklet {

	/** Exit status asking the flow for a new heartbeat and upload. */
	static final String RESUBMIT = "RESUBMIT";

	private static final Logger logger = LoggerFactory.getLogger(AwaitProcessingTasklet.class);

	private final GdbClient gdb;

	private final GdbSessions sessions;

	private final DeliveryJournals journals;

	private final DeliveryReports reports;

	private final int systemfelRetries;

	private final Clock clock;

	private final PollPacer pacer;

	AwaitProcessingTasklet(GdbClient gdb, GdbSessions sessions, DeliveryJournals journals, DeliveryReports reports,
			ScbProperties properties, Clock clock) {
		this.gdb = gdb;
		this.sessions = sessions;
		this.journals = journals;
		this.reports = reports;
		this.systemfelRetries = properties.upload().systemfelRetries();
		this.clock = clock;
		this.pacer = new PollPacer(properties.poll(), clock);
	}

	@Override
	public RepeatStatus execute(StepContribution contribution, ChunkContext chunkContext) throws InterruptedException {
		JobExecution execution = chunkContext.getStepContext().getStepExecution().getJobExecution();
		UploadAttempt attempt = this.journals.read(execution).currentAttempt();
		if (attempt == null || attempt.deliveryId() == null) {
			throw new IllegalStateException("execution " + execution.getId() + " has no DeliveryId to follow");
		}
		if (!this.pacer.awaitNextPoll("SCB has not finished processing DeliveryId " + attempt.deliveryId(),
				"follow it again with 'restart " + execution.getId() + "'; it will not be uploaded again")) {
			// stopped: the step sees its stop request after this call and ends STOPPED
			return RepeatStatus.CONTINUABLE;
		}
		HistoryEntry entry = this.gdb.history(this.sessions.get(execution.getId()), new DeliveryId(attempt.deliveryId()));
		GdbStatus status = entry.gdbStatus();
		this.journals.update(execution,
				(journal) -> journal.withLastStatus(entry).withCurrentAttempt(UploadAttempt::polled));
		logger.info("DeliveryId {}: Status '{}', ProgressStatus {}, FileWasUploaded {}", attempt.deliveryId(),
				entry.status(), entry.progressStatus(), entry.fileWasUploaded());
		if (!status.isFinal()) {
			return RepeatStatus.CONTINUABLE;
		}
		DeliveryJournal journal = this.journals.update(execution, (j) -> j.withCurrentAttempt(
				(a) -> a.finished(entry.status(), entry.progressStatus(), execution.getId(), this.clock.instant())));
		if (status.kind() == GdbStatus.Kind.SYSTEM_ERROR) {
			long systemErrors = journal.attempts()
				.stream()
				.filter((a) -> Long.valueOf(execution.getId()).equals(a.finishedInExecution()))
				.filter((a) -> new GdbStatus(a.finalStatus(), a.finalProgressStatus()).kind() == GdbStatus.Kind.SYSTEM_ERROR)
				.count();
			if (systemErrors > this.systemfelRetries) {
				throw new SystemErrorPersistsException("SCB answered Systemfel for DeliveryId " + attempt.deliveryId()
						+ " after " + systemErrors + " uploads in this run (scb.upload.systemfel-retries="
						+ this.systemfelRetries + "): try again later with 'restart " + execution.getId()
						+ "'; if it persists, contact SCB");
			}
			logger.warn("SCB answered Systemfel for DeliveryId {}: uploading the file again ({} of {} re-uploads)",
					attempt.deliveryId(), systemErrors, this.systemfelRetries);
			this.journals.note(execution, JournalEntry.Kind.WARNING, "SCB answered Systemfel for DeliveryId "
					+ attempt.deliveryId() + ": uploading the file again (re-upload " + systemErrors + " of "
					+ this.systemfelRetries + ")", null);
			contribution.setExitStatus(new ExitStatus(RESUBMIT));
			return RepeatStatus.FINISHED;
		}
		writeReport(execution, journal);
		return RepeatStatus.FINISHED;
	}

	/**
	 * Written in this step rather than a step of its own: a step costs the job repository about
	 * eight transactions, a third of a small delivery's (issue 6's bulk profile). Should the
	 * report fail to be written, the step fails with it, and a restart polls the DeliveryId once
	 * more and writes it then.
	 */
	private void writeReport(JobExecution execution, DeliveryJournal journal) {
		DeliveryReport report = this.reports.assemble(execution, journal, BatchStatus.COMPLETED,
				DeliveryOutcome.ofFinalStatus(journal), null);
		String path = this.reports.write(report).toString();
		this.journals.update(execution, (j) -> j.withReportFile(path));
	}

	@Override
	public void stop() {
		this.pacer.stop();
	}

}
