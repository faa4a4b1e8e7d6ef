package se.scbdelivery.delivery.launch;

import java.util.Optional;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import org.springframework.batch.core.job.DefaultJobKeyGenerator;
import org.springframework.batch.core.job.JobExecution;
import org.springframework.batch.core.job.JobKeyGenerator;
import org.springframework.batch.core.launch.JobOperator;
import org.springframework.stereotype.Component;

import se.scbdelivery.delivery.journal.DeliveryJournals;
import se.scbdelivery.delivery.journal.JournalEntry;

/**
 * Executions that look running but whose process is gone: nobody holds their delivery's
 * lease. Spring Batch cannot tell dead from alive; the lease can. Such an execution is
 * recovered as FAILED through Spring Batch's own API, so that it can resume.
 */
@Component
class DeadExecutions {

	private static final Logger logger = LoggerFactory.getLogger(DeadExecutions.class);

	private final JobOperator jobOperator;

	private final DeliveryJournals journals;

	private final DeliveryLocks locks;

	private final JobKeyGenerator jobKeys = new DefaultJobKeyGenerator();

	DeadExecutions(JobOperator jobOperator, DeliveryJournals journals, DeliveryLocks locks) {
		this.jobOperator = jobOperator;
		this.journals = journals;
		this.locks = locks;
	}

	/** Whether a running execution's process is gone: its lease can be taken. */
	boolean isDead(JobExecution running) {
		Optional<DeliveryLocks.Lease> lease = this.locks.tryLock(this.jobKeys.generateKey(running.getJobParameters()));
		lease.ifPresent(DeliveryLocks.Lease::close);
		return lease.isPresent();
	}

	/**
	 * Marks an execution that looks running as FAILED, so it can resume; only while this
	 * process holds its delivery's lease, which proves its owner is gone.
	 */
	void recover(JobExecution running) {
		String message = "Execution " + running.getId() + " was left running by a process that is gone (its lease "
				+ "lapsed after scb.recovery.stale-after=" + this.locks.staleAfter()
				+ "): recovered it as FAILED to resume it";
		logger.warn(message);
		JobExecution recovered = this.jobOperator.recover(running);
		this.journals.note(recovered, JournalEntry.Kind.WARNING, message, null);
	}

}
