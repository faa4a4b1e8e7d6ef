package se.scbdelivery.delivery.launch;

import java.time.LocalDateTime;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import org.springframework.batch.core.BatchStatus;
import org.springframework.batch.core.ExitStatus;
import org.springframework.batch.core.job.JobExecution;
import org.springframework.batch.core.repository.JobRepository;
import org.springframework.batch.core.step.StepExecution;
import org.springframework.stereotype.Component;

import se.scbdelivery.delivery.journal.DeliveryJournals;
import se.scbdelivery.delivery.journal.JournalEntry;
import se.scbdelivery.delivery.outcome.DeliveryOutcome;
import se.scbdelivery.repository.RepositoryOutages;

/**
 * Executions a failing job repository left where Spring Batch will not resume them: in
 * its UNKNOWN status (a commit whose outcome the database never told), which Spring Batch
 * leaves to "manual intervention". Nothing is unknown to the delivery: its journal says
 * what SCB acknowledged and answered, and the step that resumes goes by it (a recorded
 * DeliveryId or ticket is followed, acknowledged fragments are not sent again, otherwise
 * the upload starts over). Such an execution is reconciled as FAILED, only while this
 * process holds its delivery's lease, and resumed.
 */
@Component
class StrandedExecutions {

	private static final Logger logger = LoggerFactory.getLogger(StrandedExecutions.class);

	private final JobRepository jobRepository;

	private final DeliveryJournals journals;

	private final RepositoryOutages outages;

	StrandedExecutions(JobRepository jobRepository, DeliveryJournals journals, RepositoryOutages outages) {
		this.jobRepository = jobRepository;
		this.journals = journals;
		this.outages = outages;
	}

	/** Whether Spring Batch would refuse to resume the execution as it stands. */
	static boolean isStranded(JobExecution execution) {
		if (execution.getStatus() == BatchStatus.UNKNOWN) {
			return true;
		}
		return !execution.isRunning()
				&& execution.getStepExecutions().stream().anyMatch((step) -> step.getStatus() == BatchStatus.UNKNOWN);
	}

	/**
	 * Whether an execution this process just ran failed because the job repository could
	 * not be reached, and the repository is back (the execution's end was recorded): then
	 * it is run again in this process, which still knows what SCB answered.
	 */
	boolean failedByOutage(JobExecution ran) {
		return ran.getStatus() == BatchStatus.UNKNOWN || (ran.getStatus() == BatchStatus.FAILED
				&& ran.getAllFailureExceptions().stream().anyMatch(RepositoryOutages::isUnreachable));
	}

	/** The tolerance an outage is ridden out for. */
	String tolerance() {
		return "scb.repository.outage-tolerance=" + this.outages.tolerance();
	}

	/**
	 * Marks a stranded execution FAILED, so that it resumes, and says so in its journal.
	 * The journal is written as the execution holds it: for one this process ran, with
	 * every answer of SCB that a failed transaction could not record.
	 */
	void reconcile(JobExecution execution, String why) {
		String message = "Execution " + execution.getId() + " " + why
				+ ": reconciled it as FAILED to resume it from its journal";
		logger.warn(message);
		for (StepExecution step : execution.getStepExecutions()) {
			if (step.getStatus() == BatchStatus.UNKNOWN) {
				step.setStatus(BatchStatus.FAILED);
				step.setExitStatus(new ExitStatus(ExitStatus.FAILED.getExitCode(), message));
				if (step.getEndTime() == null) {
					step.setEndTime(LocalDateTime.now());
				}
				this.jobRepository.update(step);
			}
		}
		if (execution.getStatus() == BatchStatus.UNKNOWN) {
			execution.setStatus(BatchStatus.FAILED);
			execution.setExitStatus(new ExitStatus(DeliveryOutcome.FAILED.name(), message));
			if (execution.getEndTime() == null) {
				execution.setEndTime(LocalDateTime.now());
			}
			this.jobRepository.update(execution);
		}
		this.journals.note(execution, JournalEntry.Kind.WARNING, message, null);
	}

}
