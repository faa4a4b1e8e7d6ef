package se.scbdelivery.delivery.outcome;

import java.util.Set;

import org.springframework.batch.core.BatchStatus;
import org.springframework.batch.core.job.JobExecution;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;

import se.scbdelivery.repository.RepositoryOutages;

/**
 * The deliveries {@code restart --failed} may resume, kept in {@code SCB_OPEN_DELIVERY}
 * (migration V5): a delivery is open from its first execution's start until an execution
 * ends it. Both writes are idempotent and ride out a short repository outage; a row left
 * behind by a process that died between the two is harmless, as restart --failed still
 * reads the newest execution's status.
 */
@Component
public class OpenDeliveries {

	/**
	 * The job statuses a delivery's newest execution may have to be resumed with: failed,
	 * stopped, UNKNOWN, or apparently running (then its process may be gone).
	 */
	public static final Set<BatchStatus> UNFINISHED = Set.of(BatchStatus.FAILED, BatchStatus.STOPPED,
			BatchStatus.UNKNOWN, BatchStatus.STARTING, BatchStatus.STARTED, BatchStatus.STOPPING);

	/** Failed outcomes that running again would only repeat: they end the delivery. */
	public static final Set<DeliveryOutcome> FINAL_FAILURES = Set.of(DeliveryOutcome.REFUSED,
			DeliveryOutcome.INVALID_INPUT);

	static final String TABLE = "SCB_OPEN_DELIVERY";

	private final JdbcTemplate jdbc;

	private final RepositoryOutages outages;

	OpenDeliveries(JdbcTemplate jdbc, RepositoryOutages outages) {
		this.jdbc = jdbc;
		this.outages = outages;
	}

	/** The execution begins: its delivery is open, if it was not already. */
	public void opened(JobExecution execution) {
		long instance = execution.getJobInstance().getInstanceId();
		this.outages.read(() -> {
			try {
				return this.jdbc.update(
						"INSERT INTO " + TABLE + " (JOB_INSTANCE_ID) SELECT CAST(? AS BIGINT)"
								+ " WHERE NOT EXISTS (SELECT 1 FROM " + TABLE + " WHERE JOB_INSTANCE_ID = ?)",
						instance, instance);
			}
			catch (DuplicateKeyException ex) {
				// written in between: open all the same
				return 0;
			}
		});
	}

	/** The execution ended as {@code outcome}: its delivery is closed if that ends it. */
	public void ended(JobExecution execution, DeliveryOutcome outcome) {
		if (UNFINISHED.contains(execution.getStatus()) && !FINAL_FAILURES.contains(outcome)) {
			return;
		}
		closed(execution.getJobInstance().getInstanceId());
	}

	/** The delivery was ended (abandoned by a person, or its execution completed). */
	public void closed(long instance) {
		this.outages.read(() -> this.jdbc.update("DELETE FROM " + TABLE + " WHERE JOB_INSTANCE_ID = ?", instance));
	}

}
