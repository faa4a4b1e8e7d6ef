package se.scbdelivery.delivery.launch;

import java.lang.management.ManagementFactory;
import java.net.InetAddress;
import java.net.UnknownHostException;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.ZoneId;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.TimeUnit;
import java.util.function.LongSupplier;
import java.util.function.Supplier;

import net.javacrumbs.shedlock.core.LockConfiguration;
import net.javacrumbs.shedlock.core.SimpleLock;
import net.javacrumbs.shedlock.provider.jdbctemplate.JdbcTemplateLockProvider;
import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import org.springframework.beans.factory.DisposableBean;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.ConnectionCallback;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;

import se.scbdelivery.config.ScbProperties;
import se.scbdelivery.delivery.ExplainedFailureException;
import se.scbdelivery.delivery.LeaseLostException;
import se.scbdelivery.repository.RepositoryOutages;

/**
 * A lease on each delivery, shared by every process on one job repository, through
 * ShedLock's JDBC lock provider (database time, so the processes' clocks need not agree).
 * A process holds the lease while it delivers, renewing it every quarter of
 * {@code scb.recovery.stale-after}; when its owner dies the lease lapses after that time
 * and another process may take the delivery over. ShedLock's own keep-alive wrapper needs
 * at least 30 s; renewing here through its extension API keeps shorter periods possible.
 * <p>
 * A lease is a rule, not a hint: before each call to SCB its holder confirms it
 * ({@link HeldLeases#confirm}), and a lease that could not be renewed is lost for good.
 */
@Component
public class DeliveryLocks implements DisposableBean {

	static final String TABLE = "SCB_DELIVERY_LOCK";

	/** A lease's name is this and the delivery's job key. */
	private static final String NAME_PREFIX = "delivery-";

	private static final Logger logger = LoggerFactory.getLogger(DeliveryLocks.class);

	private static final int LOCK_ATTEMPTS = 4;

	private static final Duration LOCK_PAUSE = Duration.ofMillis(500);

	private final JdbcTemplate jdbc;

	private final RepositoryOutages outages;

	/** The keys of the leases this process took and has not closed. */
	private final Set<String> open = ConcurrentHashMap.newKeySet();

	private final JdbcTemplateLockProvider provider;

	private final Duration staleAfter;

	private final String owner;

	private final HeldLeases held;

	private final LongSupplier nanoTime;

	private final Clock wallClock;

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

	@Autowired
	DeliveryLocks(JdbcTemplate jdbc, ScbProperties properties, HeldLeases held, RepositoryOutages outages) {
		this(jdbc, properties, held, outages, System::nanoTime, Clock.systemUTC());
	}

	/**
	 * @param nanoTime the monotonic clock a lease's validity is kept by; a frozen
	 * process's keeps running
	 * @param wallClock a second opinion: a machine that was suspended as a whole may not
	 * have advanced the monotonic clock, but it sets the wall clock on when it wakes
	 */
	DeliveryLocks(JdbcTemplate jdbc, ScbProperties properties, HeldLeases held, RepositoryOutages outages,
			LongSupplier nanoTime, Clock wallClock) {
		this.jdbc = jdbc;
		this.outages = outages;
		this.staleAfter = properties.recovery().staleAfter();
		this.owner = ownerName();
		this.held = held;
		this.nanoTime = nanoTime;
		this.wallClock = wallClock;
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
		boolean waitedForOwnRow = false;
		// a lease nobody holds that cannot be taken: the database failing the statement,
		// tried again for as long as a delivery rides out an outage
		long freeButRefusedUntil = this.nanoTime.getAsLong() + this.outages.tolerance().toNanos();
		for (int attempt = 1;; attempt++) {
			// read before the database is asked: the lease surely holds stale-after past
			// them
			long nanos = this.nanoTime.getAsLong();
			Instant wall = this.wallClock.instant();
			Optional<SimpleLock> lock = this.provider
				.lock(new LockConfiguration(Instant.now(), name(key), this.staleAfter, Duration.ZERO));
			if (lock.isPresent()) {
				this.open.add(key);
				return lock.map((taken) -> new Lease(key, taken, nanos, wall));
			}
			// ShedLock also says "held" when the database failed the statement or its
			// commit: a lease nobody holds is tried again, once the database answers (a
			// failover longer than the attempts once left a scan's file SKIPPED)
			Optional<Holder> live = this.outages.read(() -> holder(key))
				.filter((h) -> !h.left().isNegative() && !h.left().isZero());
			Duration ownRow = live.filter((h) -> h.owner().equals(this.owner) && !this.open.contains(key))
				.map(Holder::left)
				.orElse(null);
			Duration pause = LOCK_PAUSE;
			if (ownRow != null && !waitedForOwnRow) {
				// the row names this process, which holds no lease on it: its insert
				// committed while the failing database lost the answer; nobody else
				// may take it before it lapses, so neither may this process
				logger.warn("The lease {} names this process, which holds none: a commit whose answer the job "
						+ "repository lost; waiting {} for it to lapse", name(key), ownRow);
				waitedForOwnRow = true;
				pause = ownRow.plus(LOCK_PAUSE);
			}
			else if (live.isPresent()
					|| (attempt >= LOCK_ATTEMPTS && this.nanoTime.getAsLong() - freeButRefusedUntil > 0)) {
				return Optional.empty();
			}
			try {
				Thread.sleep(pause.toMillis());
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

	/**
	 * An SQL condition that holds while a live process holds the lease of the delivery
	 * whose job key the SQL expression {@code jobKey} gives: for a query that must leave
	 * such deliveries alone.
	 */
	public String heldCondition(String jobKey) {
		return "EXISTS (SELECT 1 FROM " + TABLE + " L WHERE L.NAME = '" + NAME_PREFIX + "' || " + jobKey
				+ " AND L.LOCK_UNTIL > " + this.tableNow + ")";
	}

	/**
	 * How many lease rows lapsed longer than {@code age} ago, by the table's own clock:
	 * rows that {@link #forgetLapsed} would delete.
	 */
	public long countLapsed(Duration age) {
		Long count = this.jdbc.queryForObject("SELECT COUNT(*) FROM " + TABLE + " WHERE LOCK_UNTIL < ?", Long.class,
				tableTimeAgo(age));
		return (count != null) ? count : 0;
	}

	/**
	 * Deletes the lease rows that lapsed longer than {@code age} ago, in the caller's
	 * transaction, so the table does not keep a row for every delivery ever made.
	 * ShedLock remembers in each process the rows it has seen and from then on only
	 * updates them, so a row deleted under a live process that used it would lock that
	 * process out of the delivery. A row that lapsed that long ago was used by no process
	 * that has run since: taking or renewing a lease moves its time on.
	 */
	public int forgetLapsed(Duration age) {
		return this.jdbc.update("DELETE FROM " + TABLE + " WHERE LOCK_UNTIL < ?", tableTimeAgo(age));
	}

	private LocalDateTime tableTimeAgo(Duration age) {
		LocalDateTime now = this.jdbc.queryForObject("SELECT " + this.tableNow, LocalDateTime.class);
		return Objects.requireNonNull(now, "the database's time").minus(age);
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
		return NAME_PREFIX + key;
	}

	/**
	 * A held lease, renewed until closed. It knows from this process's own clocks until
	 * when it surely still holds (stale-after past the moment before its last successful
	 * taking or renewal: the database's deadline is at least that late); past that only
	 * the database can say. Once a renewal fails (the row names another process, or has
	 * lapsed) it is lost for good.
	 */
	final class Lease implements AutoCloseable {

		private final String key;

		private final ScheduledFuture<?> renewal;

		/** Null once closed or lost. */
		private @Nullable SimpleLock lock;

		private volatile long validUntilNanos;

		private volatile Instant validUntilWall;

		/** Why the lease is gone, once it is. */
		private volatile @Nullable Loss loss;

		Lease(String key, SimpleLock lock, long takenAtNanos, Instant takenAtWall) {
			this.key = key;
			this.lock = lock;
			this.validUntilNanos = takenAtNanos + DeliveryLocks.this.staleAfter.toNanos();
			this.validUntilWall = takenAtWall.plus(DeliveryLocks.this.staleAfter);
			DeliveryLocks.this.held.add(key, this);
			long every = Math.max(DeliveryLocks.this.staleAfter.toMillis() / 4, 50);
			this.renewal = DeliveryLocks.this.renewer.scheduleAtFixedRate(this::renew, every, every,
					TimeUnit.MILLISECONDS);
		}

		/**
		 * Confirms that this process still holds the lease: from memory while it surely
		 * does, which is almost always (a few nanoseconds); else by renewing it in the
		 * database.
		 * @param file the delivery's file, for the message
		 * @throws LeaseLostException when the lease is lost
		 * @throws ExplainedFailureException when the database could not be asked
		 */
		void confirm(Path file) {
			if (this.loss == null && surelyHeld()) {
				return;
			}
			synchronized (this) {
				if (this.loss == null && !surelyHeld()) {
					try {
						extend();
					}
					catch (RuntimeException ex) {
						throw new ExplainedFailureException("could not confirm that this process still holds the lease "
								+ "on the delivery of " + file + ", so it sends SCB nothing for it now: the job "
								+ "repository did not answer (" + ex.getMessage() + ")", ex);
					}
				}
				if (this.loss == null && this.lock == null) {
					throw new IllegalStateException("the lease on the delivery of " + file + " was released");
				}
			}
			Loss lost = this.loss;
			if (lost != null) {
				throw lost.exception(file, null);
			}
		}

		/**
		 * Runs a delivery's execution under this lease. Should the lease turn out lost by
		 * its end, the run's result or failure gives way to the lost lease: whatever the
		 * run did after the takeover (a write the taker's recovery had made stale)
		 * follows from it.
		 * @throws LeaseLostException when the lease is lost by the end of the run
		 */
		<T> T run(Path file, Supplier<T> execution) {
			T result;
			try {
				result = execution.get();
			}
			catch (RuntimeException ex) {
				LeaseLostException lost = lostBy(file, ex);
				if (lost != null) {
					throw lost;
				}
				throw ex;
			}
			LeaseLostException lost = lostBy(file, null);
			if (lost != null) {
				throw lost;
			}
			return result;
		}

		/**
		 * The lost lease, if it is known to be lost; asks the database if in doubt, an
		 * error there leaving the answer no.
		 */
		private @Nullable LeaseLostException lostBy(Path file, @Nullable Throwable cause) {
			if (this.loss == null && !surelyHeld()) {
				try {
					extend();
				}
				catch (RuntimeException ex) {
					logger.warn("Could not ask the job repository about the lease {}: {}", name(this.key),
							ex.getMessage(), ex);
				}
			}
			Loss lost = this.loss;
			return (lost != null) ? lost.exception(file, cause) : null;
		}

		private boolean surelyHeld() {
			return DeliveryLocks.this.nanoTime.getAsLong() - this.validUntilNanos < 0
					&& DeliveryLocks.this.wallClock.instant().isBefore(this.validUntilWall);
		}

		/** What the renewer does, every quarter of stale-after. */
		void renew() {
			try {
				extend();
			}
			catch (RuntimeException ex) {
				logger.warn("The lease {} could not be renewed: {}", name(this.key), ex.getMessage(), ex);
			}
		}

		/**
		 * Renews the lease in the database. ShedLock's extension succeeds only while the
		 * row still names this process and has not lapsed; when it fails the lease is
		 * lost. A database error leaves it as it was.
		 */
		private synchronized void extend() {
			SimpleLock current = this.lock;
			if (current == null) {
				return;
			}
			long nanos = DeliveryLocks.this.nanoTime.getAsLong();
			Instant wall = DeliveryLocks.this.wallClock.instant();
			Optional<SimpleLock> extended;
			try {
				extended = current.extend(DeliveryLocks.this.staleAfter, Duration.ZERO);
			}
			catch (IllegalStateException ex) {
				// ShedLock's word for a lock it no longer counts as held ("is not valid,
				// it
				// has already been unlocked or extended"): the lease is gone, as when the
				// extension finds another owner; seen once as a bare exception in a scan
				// row
				logger.debug("ShedLock no longer holds the lease {}: {}", name(this.key), ex.getMessage());
				extended = Optional.empty();
			}
			if (extended.isPresent()) {
				this.lock = extended.get();
				this.validUntilNanos = nanos + DeliveryLocks.this.staleAfter.toNanos();
				this.validUntilWall = wall.plus(DeliveryLocks.this.staleAfter);
				return;
			}
			// ShedLock invalidates a lock whose extension failed: unlocking it would
			// throw
			this.lock = null;
			String taker = taker();
			if (taker == null && takeAgain()) {
				return;
			}
			Loss lost = new Loss(taker, DeliveryLocks.this.staleAfter);
			this.loss = lost;
			logger.warn("The lease {} is lost: {}", name(this.key), lost.why());
		}

		/**
		 * Takes a lapsed lease again that nobody took over (the row still names this
		 * process): what a job repository that was unreachable for longer than
		 * stale-after leaves, or a stall no other process noticed. Nobody delivered the
		 * file meanwhile, as a taker's name would stay in the row.
		 */
		private boolean takeAgain() {
			long nanos = DeliveryLocks.this.nanoTime.getAsLong();
			Instant wall = DeliveryLocks.this.wallClock.instant();
			Optional<SimpleLock> again;
			try {
				again = DeliveryLocks.this.provider.lock(new LockConfiguration(Instant.now(), name(this.key),
						DeliveryLocks.this.staleAfter, Duration.ZERO));
			}
			catch (RuntimeException ex) {
				logger.warn("Could not take the lapsed lease {} again: {}", name(this.key), ex.getMessage(), ex);
				return false;
			}
			if (again.isEmpty() || taker() != null) {
				again.ifPresent(SimpleLock::unlock);
				return false;
			}
			this.lock = again.get();
			this.validUntilNanos = nanos + DeliveryLocks.this.staleAfter.toNanos();
			this.validUntilWall = wall.plus(DeliveryLocks.this.staleAfter);
			logger.warn("The lease {} had lapsed, and no other process took the delivery over: took it again",
					name(this.key));
			return true;
		}

		/** The process that holds the row now, if not this one. */
		private @Nullable String taker() {
			try {
				return holder(this.key).map(Holder::owner)
					.filter((other) -> !other.equals(DeliveryLocks.this.owner))
					.orElse(null);
			}
			catch (RuntimeException ex) {
				return null;
			}
		}

		/** Releases the lease; never throws, as it may run after a takeover. */
		@Override
		public synchronized void close() {
			this.renewal.cancel(false);
			DeliveryLocks.this.held.remove(this.key, this);
			DeliveryLocks.this.open.remove(this.key);
			SimpleLock current = this.lock;
			this.lock = null;
			if (current == null) {
				return;
			}
			try {
				current.unlock();
			}
			catch (RuntimeException ex) {
				logger.warn("Could not release the lease {} ({}): it lapses by itself within {}", name(this.key),
						ex.getMessage(), DeliveryLocks.this.staleAfter, ex);
			}
		}

	}

	/**
	 * Why a lease is gone.
	 *
	 * @param taker the process that holds the delivery now, when the table names one
	 */
	record Loss(@Nullable String taker, Duration staleAfter) {

		String why() {
			return (this.taker != null) ? "another process (" + this.taker + ") took the delivery over after " + stall()
					: "it lapsed after " + stall();
		}

		LeaseLostException exception(Path file, @Nullable Throwable cause) {
			String message = (this.taker != null)
					? "another process (" + this.taker + ") took over the delivery of " + file + " after " + stall()
							+ ": this process sends SCB nothing more for it; see 'list' for how it ends"
					: "the lease on the delivery of " + file + " lapsed after " + stall()
							+ ": this process sends SCB nothing more for it; run it again to resume it";
			return (cause != null) ? new LeaseLostException(message, cause) : new LeaseLostException(message);
		}

		private String stall() {
			return "this process stalled for longer than scb.recovery.stale-after (" + readable(this.staleAfter)
					+ ") without renewing its lease";
		}

		/** As the setting is written: 3s, 2m, 1500ms. */
		static String readable(Duration duration) {
			if (duration.toMillisPart() != 0 || duration.isZero()) {
				return duration.toMillis() + "ms";
			}
			long seconds = duration.toSeconds();
			if (seconds % 3600 == 0) {
				return (seconds / 3600) + "h";
			}
			return (seconds % 60 == 0) ? (seconds / 60) + "m" : seconds + "s";
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
