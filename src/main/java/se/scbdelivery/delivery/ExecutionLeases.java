package se.scbdelivery.delivery;

import java.lang.management.ManagementFactory;
import java.net.InetAddress;
import java.net.UnknownHostException;
import java.time.Duration;
import java.time.OffsetDateTime;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import org.springframework.beans.factory.DisposableBean;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;

import se.scbdelivery.config.ScbProperties;

/**
 * Leases on running executions, so that a process can tell an execution whose owner died
 * (SIGKILL, a lost node) from one whose owner is alive. The owner renews its lease every
 * quarter of {@code scb.recovery.stale-after}; a lease not renewed for longer than that is
 * stale and its execution may be recovered. Times are the database's, so the processes'
 * clocks need not agree. Renewal runs outside the job's transactions, on its own thread.
 */
@Component
public class ExecutionLeases implements DisposableBean {

	private static final Logger logger = LoggerFactory.getLogger(ExecutionLeases.class);

	private final JdbcTemplate jdbc;

	private final Duration staleAfter;

	private final String owner;

	private final Set<Long> held = ConcurrentHashMap.newKeySet();

	private final ScheduledExecutorService renewer;

	/** A lease as read from the table, with the database's current time. */
	public record Lease(long executionId, String owner, OffsetDateTime renewedAt, OffsetDateTime now) {

		public Duration age() {
			return Duration.between(this.renewedAt, this.now);
		}

	}

	ExecutionLeases(JdbcTemplate jdbc, ScbProperties properties) {
		this.jdbc = jdbc;
		this.staleAfter = properties.recovery().staleAfter();
		this.owner = ownerName();
		this.jdbc.execute("CREATE TABLE IF NOT EXISTS SCB_EXECUTION_LEASE (JOB_EXECUTION_ID BIGINT NOT NULL PRIMARY KEY, "
				+ "OWNER VARCHAR(200) NOT NULL, RENEWED_AT TIMESTAMP WITH TIME ZONE NOT NULL)");
		this.renewer = Executors.newSingleThreadScheduledExecutor((runnable) -> {
			Thread thread = new Thread(runnable, "lease-renewer");
			thread.setDaemon(true);
			return thread;
		});
		long every = Math.max(properties.recovery().renewEvery().toMillis(), 50);
		this.renewer.scheduleWithFixedDelay(this::renewAll, every, every, TimeUnit.MILLISECONDS);
	}

	/** Takes the lease of an execution this process is about to run. */
	void acquire(long executionId) {
		this.jdbc.update("DELETE FROM SCB_EXECUTION_LEASE WHERE JOB_EXECUTION_ID = ?", executionId);
		this.jdbc.update("INSERT INTO SCB_EXECUTION_LEASE (JOB_EXECUTION_ID, OWNER, RENEWED_AT) VALUES (?, ?, CURRENT_TIMESTAMP)",
				executionId, this.owner);
		this.held.add(executionId);
	}

	void release(long executionId) {
		this.held.remove(executionId);
		this.jdbc.update("DELETE FROM SCB_EXECUTION_LEASE WHERE JOB_EXECUTION_ID = ?", executionId);
	}

	public Optional<Lease> find(long executionId) {
		return this.jdbc
			.query("SELECT OWNER, RENEWED_AT, CURRENT_TIMESTAMP AS NOW FROM SCB_EXECUTION_LEASE WHERE JOB_EXECUTION_ID = ?",
					(rs, row) -> new Lease(executionId, rs.getString("OWNER"),
							rs.getObject("RENEWED_AT", OffsetDateTime.class),
							rs.getObject("NOW", OffsetDateTime.class)),
					executionId)
			.stream()
			.findFirst();
	}

	public Duration staleAfter() {
		return this.staleAfter;
	}

	/** This process, as named in leases: host and pid. */
	public String owner() {
		return this.owner;
	}

	private void renewAll() {
		for (Long executionId : this.held) {
			try {
				this.jdbc.update("UPDATE SCB_EXECUTION_LEASE SET RENEWED_AT = CURRENT_TIMESTAMP WHERE JOB_EXECUTION_ID = ?",
						executionId);
			}
			catch (RuntimeException ex) {
				logger.warn("Could not renew the lease of execution {}: {}", executionId, ex.getMessage(), ex);
			}
		}
	}

	@Override
	public void destroy() {
		this.renewer.shutdownNow();
	}

	private static String ownerName() {
		String host;
		try {
			host = InetAddress.getLocalHost().getHostName();
		}
		catch (UnknownHostException ex) {
			host = "unknown-host";
		}
		return host + ":" + ManagementFactory.getRuntimeMXBean().getPid();
	}

}
