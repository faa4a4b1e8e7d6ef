package se.scbdelivery.delivery.launch;

import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

import org.springframework.batch.core.job.DefaultJobKeyGenerator;
import org.springframework.batch.core.job.JobExecution;
import org.springframework.batch.core.job.JobKeyGenerator;
import org.springframework.batch.core.job.parameters.JobParameters;
import org.springframework.stereotype.Component;

import se.scbdelivery.delivery.DeliveryJobParameters;
import se.scbdelivery.delivery.ExplainedFailureException;
import se.scbdelivery.delivery.LeaseLostException;

/**
 * The leases this process holds, by delivery: what a step asks before each call to SCB. A
 * process that stalled past {@code scb.recovery.stale-after} may have had its delivery
 * taken over by another; it must then send SCB nothing more for it, or the file could
 * reach SCB twice.
 */
@Component
public class HeldLeases {

	private final Map<String, DeliveryLocks.Lease> held = new ConcurrentHashMap<>();

	private final JobKeyGenerator jobKeys = new DefaultJobKeyGenerator();

	/**
	 * Confirms that this process still holds the lease on an execution's delivery, so it
	 * may call SCB for it. Costs a map look-up and a hash of the job parameters while the
	 * lease is surely held by this process's monotonic clock (renewals keep it so); only
	 * past that does it ask the database.
	 * @throws LeaseLostException when the lease is lost: another process may deliver the
	 * file now
	 * @throws ExplainedFailureException when the job repository could not be asked
	 * @throws IllegalStateException when this process holds no lease on the delivery
	 */
	public void confirm(JobExecution execution) {
		JobParameters parameters = execution.getJobParameters();
		DeliveryLocks.Lease lease = this.held.get(this.jobKeys.generateKey(parameters));
		if (lease == null) {
			throw new IllegalStateException("execution " + execution.getId() + ": this process holds no lease on the "
					+ "delivery of " + DeliveryJobParameters.file(parameters) + ", so it may not call SCB for it");
		}
		lease.confirm(DeliveryJobParameters.file(parameters));
	}

	void add(String key, DeliveryLocks.Lease lease) {
		this.held.put(key, lease);
	}

	void remove(String key, DeliveryLocks.Lease lease) {
		this.held.remove(key, lease);
	}

}
