package se.scbdelivery.delivery;

import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import org.springframework.batch.core.BatchStatus;
import org.springframework.batch.core.ExitStatus;
import org.springframework.batch.core.job.JobExecution;
import org.springframework.batch.core.listener.JobExecutionListener;
import org.springframework.beans.factory.annotation.Autowired;

import se.scbdelivery.config.DeliveryLogContext;
import se.scbdelivery.metrics.DeliveryMetrics;

/**
 * Around every execution: registers it as running in this process (for a graceful stop);
 * at the end records the outcome as the exit status, keeps the failure
 * and SCB's answer in the journal, counts it in the metrics, and writes the report of an
 * execution that did not complete (awaitProcessing writes the others).
 */
class DeliveryJobListener implements JobExecutionListener {

	private static final Logger logger = LoggerFactory.getLogger(DeliveryJobListener.class);

	private final GdbSessions sessions;

	private final RunningExecutions running;

	private final Map<Long, DeliveryLogContext> logContexts = new ConcurrentHashMap<>();

	private final DeliveryJournals journals;

	private final DeliveryReports reports;

	private @Nullable DeliveryMetrics metrics;

	DeliveryJobListener(GdbSessions sessions, DeliveryJournals journals, DeliveryReports reports,
			RunningExecutions running) {
		this.running = running;
		this.sessions = sessions;
		this.journals = journals;
		this.reports = reports;
	}

	/** Injected by Spring, as the job configurations make this listener themselves. */
	@Autowired
	void setMetrics(DeliveryMetrics metrics) {
		this.metrics = metrics;
	}

	@Override
	public void beforeJob(JobExecution execution) {
		this.running.started(execution);
		// the steps run on this thread: every log line of the delivery names it
		this.logContexts.put(execution.getId(),
				DeliveryLogContext.open(execution.getId(),
						execution.getJobParameters().getString(DeliveryJobParameters.ORGANISATION),
						execution.getJobParameters().getString(DeliveryJobParameters.FILE_NAME)));
	}

	@Override
	public void afterJob(JobExecution execution) {
		try {
			this.sessions.end(execution.getId());
			String failure = DeliveryFailures.describe(execution);
			if (failure != null) {
				this.journals.note(execution, JournalEntry.Kind.FAILURE, failure, DeliveryFailures.scbAnswer(execution));
			}
			DeliveryJournal journal = this.journals.read(execution);
			DeliveryOutcome outcome = DeliveryOutcome.of(execution, journal);
			execution.setExitStatus(new ExitStatus(outcome.name(), (failure != null) ? failure : outcome.name()));
			if (this.metrics != null) {
				this.metrics.finished(outcome.name(), DeliveryJobParameters.api(execution.getJobParameters()),
						execution.getStartTime(), execution.getEndTime());
			}
			if (execution.getStatus() != BatchStatus.COMPLETED) {
				DeliveryReport report = this.reports.assemble(execution, journal, execution.getStatus(), outcome,
						failure);
				String path = this.reports.write(report).toString();
				this.journals.update(execution, (j) -> j.withReportFile(path));
			}
		}
		catch (RuntimeException ex) {
			logger.error("Could not record the end of execution {}", execution.getId(), ex);
		}
		finally {
			this.running.ended(execution);
			DeliveryLogContext context = this.logContexts.remove(execution.getId());
			if (context != null) {
				context.close();
			}
		}
	}

}
