package se.scbdelivery.delivery.launch;

import java.lang.management.ManagementFactory;
import java.net.InetAddress;
import java.net.UnknownHostException;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.util.Objects;
import java.util.Optional;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.TimeUnit;

import net.javacrumbs.shedlock.core.LockConfiguration;
import net.javacrumbs.shedlock.core.SimpleLock;
import net.javacrumbs.shedlock.provider.jdbctemplate.JdbcTemplateLockProvider;
import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import org.springframework.beans.factory.DisposableBean;
import org.springframework.jdbc.core.ConnectionCallback;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;

import se.scbdelivery.config.ScbProperties;

/**
 * A lease on each delivery, shared by every process on one job repository, through
 * ShedLock's JDBC lock provider (database time, so the processes' clocks need not agree).
 * A process holds the lease while it delivers, renewing it every quarter of
 * {@code scb.recovery.stale-after}; when its owner dies the lease lapses after that time
 * and another process may take the delivery over. ShedLock's own keep-alive wrapper needs
 * at least 30 s; renewing here through its extension API keeps shorter periods possible.
 */
@Component
public class DeliveryLocks implements DisposableBean {

	static final String TABLE = "SCB_DELIVERY_LOCK";

	private static final Logger logger = LoggerFactory.getLogger(DeliveryLocks.class);

	private final JdbcTemplate jdbc;

	private final JdbcTemplateLockProvider provider;

	private final Duration staleAfter;

	private final String owner;

	/**
	 * The database's time as ShedLock writes it into the table, for how long a lease has
	 * left.
	 */
	private final String tableNow;

	private final ScheduledExecutorService renewer;

	/**
	 * Who holds a lease, as the table says.
	 *
	 * @param lockedAt as JDBC reads it: on PostgreSQL, which holds UTC, right only in a
	 * JVM whose zone is UTC
	 * @param lockedUntil read as {@code lockedAt} is
	 * @param left how long until it lapses, by the database's clock (negative once it
	 * has): right in any zone
	 */
	public record Holder(String owner, Instant lockedAt, Instant lockedUntil, Duration left) {
	}

	DeliveryLocks(JdbcTemplate jdbc, ScbProperties properties) {
		this.jdbc = jdbc;
		this.staleAfter = properties.recovery().staleAfter();
		this.owner = ownerName();
		jdbc.execute("CREATE TABLE IF NOT EXISTS " + TABLE + " (NAME VARCHAR(64) NOT NULL PRIMARY KEY, "
				+ "LOCK_UNTIL TIMESTAMP(3) NOT NULL, LOCKED_AT TIMESTAMP(3) NOT NULL, LOCKED_BY VARCHAR(255) NOT NULL)");
		this.tableNow = tableNow(jdbc);
		this.provider = new JdbcTemplateLockProvider(JdbcTemplateLockProvider.Configuration.builder()
			.withJdbcTemplate(jdbc)
			.withTableName(TABLE)
			.usingDbTime()
			.withLockedByValue(this.owner)
			.build());
		this.renewer = Executors.newSingleThreadScheduledExecutor((runnable) -> {
			Thread thread = new Thread(runnable, "lease-renewer");
			thread.setDaemon(true);
			return thread;
		});
	}

	/**
	 * Takes the lease of a delivery, if no live process holds it.
	 * @param key the delivery's job key (its identifying parameters, hashed)
	 */
	Optional<Lease> tryLock(String key) {
		Optional<SimpleLock> lock = this.provider
			.lock(new LockConfiguration(Instant.now(), name(key), this.staleAfter, Duration.ZERO));
		return lock.map((taken) -> new Lease(name(key), taken));
	}

	/**
	 * Who holds a delivery's lease, if the table has a row for it (it may have lapsed).
	 */
	Optional<Holder> holder(String key) {
		return this.jdbc
			.query("SELECT LOCKED_BY, LOCKED_AT, LOCK_UNTIL, " + this.tableNow + " FROM " + TABLE + " WHERE NAME = ?",
					(rs, row) -> new Holder(rs.getString(1), rs.getTimestamp(2).toInstant(),
							rs.getTimestamp(3).toInstant(),
							Duration.between(rs.getTimestamp(4).toInstant(), rs.getTimestamp(3).toInstant())),
					name(key))
			.stream()
			.findFirst();
	}

	/**
	 * Why a delivery's lease could not be taken: who holds it, and when it lapses in this
	 * machine's local time if that process is gone.
	 */
	ExecutionStillRunningException heldElsewhere(String key, Path file) {
		return ExecutionStillRunningException.leaseHeld(file, holder(key).orElse(null), Instant.now(),
				ZoneId.systemDefault());
	}

	public Duration staleAfter() {
		return this.staleAfter;
	}

	/** This process, as named in leases: host and pid. */
	public String owner() {
		return this.owner;
	}

	@Override
	public void destroy() {
		this.renewer.shutdownNow();
	}

	private static String name(String key) {
		return "delivery-" + key;
	}

	/** A held lease, renewed until closed. */
	final class Lease implements AutoCloseable {

		private final String name;

		private final ScheduledFuture<?> renewal;

		private @Nullable SimpleLock lock;

		Lease(String name, SimpleLock lock) {
			this.name = name;
			this.lock = lock;
			long every = Math.max(DeliveryLocks.this.staleAfter.toMillis() / 4, 50);
			this.renewal = DeliveryLocks.this.renewer.scheduleAtFixedRate(this::renew, every, every,
					TimeUnit.MILLISECONDS);
		}

		private synchronized void renew() {
			if (this.lock == null) {
				return;
			}
			try {
				Optional<SimpleLock> extended = this.lock.extend(DeliveryLocks.this.staleAfter, Duration.ZERO);
				if (extended.isPresent()) {
					this.lock = extended.get();
				}
				else {
					logger.warn("The lease {} could not be renewed: another process may take the delivery over",
							this.name);
				}
			}
			catch (RuntimeException ex) {
				logger.warn("The lease {} could not be renewed: {}", this.name, ex.getMessage(), ex);
			}
		}

		@Override
		public synchronized void close() {
			this.renewal.cancel(false);
			if (this.lock != null) {
				this.lock.unlock();
				this.lock = null;
			}
		}

	}

	/**
	 * The database's current time in the terms ShedLock writes to the table with database
	 * time: UTC without a zone on PostgreSQL, the session's local time on H2. Read back
	 * through the same conversion as the lease's columns, the difference is right
	 * whatever this JVM's time zone.
	 */
	private static String tableNow(JdbcTemplate jdbc) {
		String product = jdbc
			.execute((ConnectionCallback<String>) (connection) -> connection.getMetaData().getDatabaseProductName());
		return "PostgreSQL".equals(Objects.requireNonNullElse(product, "")) ? "timezone('utc', CURRENT_TIMESTAMP)"
				: "LOCALTIMESTAMP";
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
