package se.scbdelivery.delivery.outcome;

import java.util.Map;
import java.util.Objects;
import java.util.concurrent.ConcurrentHashMap;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import org.springframework.batch.core.BatchStatus;
import org.springframework.batch.core.ExitStatus;
import org.springframework.batch.core.job.JobExecution;
import org.springframework.batch.core.listener.JobExecutionListener;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.stereotype.Component;

import se.scbdelivery.config.DeliveryLogContext;
import se.scbdelivery.delivery.DeliveryJobParameters;
import se.scbdelivery.delivery.StopSignals;
import se.scbdelivery.delivery.journal.DeliveryJournal;
import se.scbdelivery.delivery.journal.DeliveryJournals;
import se.scbdelivery.delivery.journal.JournalEntry;
import se.scbdelivery.metrics.DeliveryMetrics;

/**
 * Around every execution of either job: names the execution, organisation and file on
 * each log line of the delivery; at the end records the outcome as the exit status, keeps
 * the failure and SCB's answer in the journal, counts it in the metrics, and writes the
 * report of an execution that did not complete, unless it waits for SCB (the report step
 * writes the others).
 */
@Component
public class DeliveryOutcomeListener implements JobExecutionListener {

	private static final Logger logger = LoggerFactory.getLogger(DeliveryOutcomeListener.class);

	private final Map<Long, DeliveryLogContext> logContexts = new ConcurrentHashMap<>();

	private final DeliveryJournals journals;

	private final DeliveryReportWriter reportWriter;

	private final ObjectProvider<DeliveryMetrics> metrics;

	private final OpenDeliveries open;

	DeliveryOutcomeListener(DeliveryJournals journals, DeliveryReportWriter reportWriter,
			ObjectProvider<DeliveryMetrics> metrics, OpenDeliveries open) {
		this.journals = journals;
		this.reportWriter = reportWriter;
		this.metrics = metrics;
		this.open = open;
	}

	@Override
	public void beforeJob(JobExecution execution) {
		// before any step: a delivery restart --failed must find is never missing
		this.open.opened(execution);
		// the steps run on this thread: every log line of the delivery names it
		this.logContexts.put(execution.getId(),
				DeliveryLogContext.open(execution.getId(),
						execution.getJobParameters().getString(DeliveryJobParameters.ORGANISATION),
						execution.getJobParameters().getString(DeliveryJobParameters.FILE_NAME)));
	}

	@Override
	public void afterJob(JobExecution execution) {
		try {
			String failure = DeliveryFailures.describe(execution);
			if (failure != null) {
				this.journals.note(execution, JournalEntry.Kind.FAILURE, failure,
						DeliveryFailures.scbAnswer(execution));
			}
			String stop = DeliveryFailures.stoppedOnRequest(execution) ? stopOnRequest(execution) : null;
			if (stop != null) {
				this.journals.note(execution, JournalEntry.Kind.INFO, stop, null);
			}
			DeliveryJournal journal = this.journals.read(execution);
			DeliveryOutcome outcome = DeliveryOutcome.of(execution, journal);
			execution.setExitStatus(new ExitStatus(outcome.name(),
					(failure != null) ? failure : (stop != null) ? stop : outcome.name()));
			this.open.ended(execution, outcome);
			this.metrics.ifAvailable((metrics) -> metrics.finished(outcome.name(),
					DeliveryJobParameters.channel(execution.getJobParameters()).key(), execution.getStartTime(),
					execution.getEndTime()));
			// a delivery waiting for SCB has not ended: its report comes with the verdict
			if (execution.getStatus() != BatchStatus.COMPLETED && outcome != DeliveryOutcome.WAITING) {
				this.reportWriter.write(execution, journal, execution.getStatus(), outcome, failure);
			}
		}
		catch (RuntimeException ex) {
			logger.error("Could not record the end of execution {}", execution.getId(), ex);
		}
		finally {
			DeliveryLogContext context = this.logContexts.remove(execution.getId());
			if (context != null) {
				context.close();
			}
		}
	}

	private static String stopOnRequest(JobExecution execution) {
		String step = Objects.requireNonNullElse(DeliveryReports.stepOf(execution), "its step");
		return "Stopped on request" + StopSignals.received().map((stop) -> " by " + stop.signal()).orElse("") + " in "
				+ step + ", after the fragment or poll in flight: a later run resumes it where it stopped";
	}

}
