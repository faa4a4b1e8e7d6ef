package se.scbdelivery.delivery.launch;

import java.lang.management.ManagementFactory;
import java.net.InetAddress;
import java.net.UnknownHostException;
import java.time.Duration;
import java.time.Instant;
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

	private static final int LOCK_ATTEMPTS = 4;

	private static final Duration LOCK_PAUSE = Duration.ofMillis(500);

	private final JdbcTemplate jdbc;

	private final JdbcTemplateLockProvider provider;

	private final Duration staleAfter;

	private final String owner;

	private final ScheduledExecutorService renewer;

	/** Who holds a lease, as the table says. */
	public record Holder(String owner, Instant lockedAt, Instant lockedUntil) {
	}

	DeliveryLocks(JdbcTemplate jdbc, ScbProperties properties) {
		this.jdbc = jdbc;
		this.staleAfter = properties.recovery().staleAfter();
		this.owner = ownerName();
		jdbc.execute("CREATE TABLE IF NOT EXISTS " + TABLE + " (NAME VARCHAR(64) NOT NULL PRIMARY KEY, "
				+ "LOCK_UNTIL TIMESTAMP(3) NOT NULL, LOCKED_AT TIMESTAMP(3) NOT NULL, LOCKED_BY VARCHAR(255) NOT NULL)");
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
		for (int attempt = 1;; attempt++) {
			Optional<SimpleLock> lock = this.provider
				.lock(new LockConfiguration(Instant.now(), name(key), this.staleAfter, Duration.ZERO));
			if (lock.isPresent()) {
				return lock.map((taken) -> new Lease(name(key), taken));
			}
			// ShedLock also says "held" when the database failed the statement's commit:
			// a lease nobody holds is tried again
			if (attempt == LOCK_ATTEMPTS
					|| holder(key).filter((h) -> h.lockedUntil().isAfter(Instant.now())).isPresent()) {
				return Optional.empty();
			}
			try {
				Thread.sleep(LOCK_PAUSE.toMillis());
			}
			catch (InterruptedException ex) {
				Thread.currentThread().interrupt();
				return Optional.empty();
			}
		}
	}

	/**
	 * Who holds a delivery's lease, if the table has a row for it (it may have lapsed).
	 */
	Optional<Holder> holder(String key) {
		return this.jdbc
			.query("SELECT LOCKED_BY, LOCKED_AT, LOCK_UNTIL FROM " + TABLE + " WHERE NAME = ?",
					(rs, row) -> new Holder(rs.getString(1), rs.getTimestamp(2).toInstant(),
							rs.getTimestamp(3).toInstant()),
					name(key))
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
