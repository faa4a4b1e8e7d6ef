package se.scbdelivery.delivery.launch;

import java.sql.Timestamp;
import java.time.Instant;

import org.springframework.batch.core.job.DefaultJobKeyGenerator;
import org.springframework.batch.core.job.parameters.JobParameters;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * Leases for tests that run a delivery job themselves rather than through the launcher:
 * the steps call SCB only under one, as they do when the launcher runs them.
 */
public final class TestLeases {

	private TestLeases() {
	}

	/**
	 * Takes the lease on the delivery these parameters identify, as the launcher does.
	 */
	public static Held hold(DeliveryLocks locks, JdbcTemplate jdbc, JobParameters parameters) {
		String key = new DefaultJobKeyGenerator().generateKey(parameters);
		DeliveryLocks.Lease lease = locks.tryLock(key)
			.orElseThrow(() -> new IllegalStateException("the lease on " + parameters + " is held"));
		return new Held(lease, jdbc, "delivery-" + key);
	}

	/** A lease the test holds. */
	public static final class Held implements AutoCloseable {

		private final DeliveryLocks.Lease lease;

		private final JdbcTemplate jdbc;

		private final String name;

		private Held(DeliveryLocks.Lease lease, JdbcTemplate jdbc, String name) {
			this.lease = lease;
			this.jdbc = jdbc;
			this.name = name;
		}

		/**
		 * Another process takes the delivery over, as it may once this one stalled past
		 * {@code scb.recovery.stale-after}; this one finds out at its next renewal, made
		 * now.
		 */
		public void takenOverBy(String owner) {
			int rows = this.jdbc.update(
					"UPDATE " + DeliveryLocks.TABLE + " SET LOCKED_BY = ?, LOCK_UNTIL = ? WHERE NAME = ?", owner,
					Timestamp.from(Instant.now().plusSeconds(3600)), this.name);
			if (rows != 1) {
				throw new IllegalStateException("no lease row " + this.name);
			}
			this.lease.renew();
		}

		@Override
		public void close() {
			this.lease.close();
		}

	}

}
