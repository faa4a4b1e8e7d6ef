package se.scbdelivery.delivery.launch;

import java.nio.file.Path;
import java.sql.Timestamp;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicLong;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

import org.springframework.batch.core.job.DefaultJobKeyGenerator;
import org.springframework.batch.core.job.JobExecution;
import org.springframework.batch.core.job.JobInstance;
import org.springframework.batch.core.job.parameters.JobParameters;
import org.springframework.batch.core.job.parameters.JobParametersBuilder;
import org.springframework.boot.context.properties.bind.Binder;
import org.springframework.boot.context.properties.source.MapConfigurationPropertySource;
import org.springframework.core.io.ClassPathResource;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.datasource.init.ResourceDatabasePopulator;
import org.springframework.jdbc.datasource.SimpleDriverDataSource;

import se.scbdelivery.config.ScbProperties;
import se.scbdelivery.delivery.DeliveryJobParameters;
import se.scbdelivery.delivery.ExplainedFailureException;
import se.scbdelivery.delivery.LeaseLostException;
import se.scbdelivery.repository.RepositoryOutages;
import se.scbdelivery.simulator.server.TestClock;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatCode;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.awaitility.Awaitility.await;

/**
 * The leases on an H2 database in memory. The confirmation before each call to SCB is
 * checked with a monotonic clock the test moves (a stall is time passing on it), so that
 * whether it asked the database shows in its answer: the test rewrites the lease row
 * behind its back, as another process would.
 */
class DeliveryLocksTest {

	private static final Path FILE = Path.of("/inbox/vinn.xml");

	private static final String TAKER = "other-host:4711";

	private final JdbcTemplate jdbc = withLeaseTable(new JdbcTemplate(
			new SimpleDriverDataSource(new org.h2.Driver(), "jdbc:h2:mem:locks;DB_CLOSE_DELAY=-1", "sa", "")));

	/** The lease table, as the product's migration V2 makes it. */
	private static JdbcTemplate withLeaseTable(JdbcTemplate jdbc) {
		new ResourceDatabasePopulator(new ClassPathResource("db/migration/common/V2__delivery_lock.sql"))
			.execute(jdbc.getDataSource());
		return jdbc;
	}

	private final HeldLeases held = new HeldLeases();

	/** A monotonic clock that moves only when the test says. */
	private final AtomicLong nanos = new AtomicLong();

	private final TestClock wall = new TestClock(Instant.now());

	private DeliveryLocks locks = new DeliveryLocks(this.jdbc, properties("400ms"), this.held,
			new RepositoryOutages(properties("400ms")));

	@AfterEach
	void dropTable() {
		this.locks.destroy();
		this.jdbc.execute("DROP TABLE IF EXISTS " + DeliveryLocks.TABLE);
	}

	@Test
	void aHeldLeaseKeepsEveryoneElseOutAndIsRenewedUntilClosed() {
		Optional<DeliveryLocks.Lease> held = this.locks.tryLock("k1");
		assertThat(held).isPresent();
		DeliveryLocks.Holder first = this.locks.holder("k1").orElseThrow();
		assertThat(first.owner()).isEqualTo(this.locks.owner());

		assertThat(this.locks.tryLock("k1")).as("a second taker while it is held").isEmpty();
		assertThat(this.locks.tryLock("k2")).as("another delivery's lease").isPresent();

		// renewed every 100 ms: lock_until moves on
		await().atMost(Duration.ofSeconds(10))
			.until(() -> this.locks.holder("k1").orElseThrow().lockedUntil(),
					(until) -> until.isAfter(first.lockedUntil()));
		assertThat(this.locks.tryLock("k1")).as("still held after renewals").isEmpty();

		held.get().close();
		assertThat(this.locks.tryLock("k1")).as("free once closed").isPresent();
	}

	@Test
	void aLapsedLeaseOfADeadProcessCanBeTakenOver() {
		this.jdbc.update(
				"INSERT INTO " + DeliveryLocks.TABLE + " (NAME, LOCK_UNTIL, LOCKED_AT, LOCKED_BY) VALUES (?, ?, ?, ?)",
				"delivery-k3", Timestamp.from(Instant.now().minusSeconds(3600)),
				Timestamp.from(Instant.now().minusSeconds(7200)), "gone-host:1");

		assertThat(this.locks.holder("k3"))
			.hasValueSatisfying((holder) -> assertThat(holder.owner()).isEqualTo("gone-host:1"));
		assertThat(this.locks.tryLock("k3")).isPresent();
		assertThat(this.locks.holder("k3").orElseThrow().owner()).isEqualTo(this.locks.owner());
	}

	@Test
	void aRowNamingThisProcessWhichHoldsNoLeaseIsTakenOnceItLapses() {
		// what an insert leaves whose commit the failing database made but whose answer
		// it lost: the row names this process, which was told the lease was held
		this.jdbc.update(
				"INSERT INTO " + DeliveryLocks.TABLE + " (NAME, LOCK_UNTIL, LOCKED_AT, LOCKED_BY) VALUES (?, ?, ?, ?)",
				"delivery-k4", Timestamp.from(Instant.now().plusMillis(300)), Timestamp.from(Instant.now()),
				this.locks.owner());

		Optional<DeliveryLocks.Lease> lease = this.locks.tryLock("k4");

		assertThat(lease).isPresent();
		assertThat(this.locks.holder("k4").orElseThrow().left()).isPositive();
		lease.orElseThrow().close();
	}

	@Test
	void aLeaseThisProcessHoldsIsNotTakenASecondTime() {
		DeliveryLocks.Lease first = this.locks.tryLock("k5").orElseThrow();

		assertThat(this.locks.tryLock("k5")).isEmpty();
		first.close();
		assertThat(this.locks.tryLock("k5")).isPresent();
	}

	@Test
	void theHolderSaysHowLongTheLeaseHasLeftByTheDatabasesClock() {
		useMovableClocks("1h");
		this.locks.tryLock("k1").orElseThrow();

		assertThat(this.locks.holder("k1").orElseThrow().left()).isBetween(Duration.ofMinutes(59),
				Duration.ofMinutes(60));
	}

	@Test
	void whileSurelyHeldTheLeaseIsConfirmedFromMemoryWithoutAskingTheDatabase() {
		useMovableClocks("1h");
		DeliveryLocks.Lease lease = this.locks.tryLock("k1").orElseThrow();
		takeOver("k1", TAKER);

		this.nanos.addAndGet(Duration.ofMinutes(59).toNanos());

		// the row names another process: had the database been asked, this would fail
		assertThatCode(() -> lease.confirm(FILE)).doesNotThrowAnyException();
	}

	@Test
	void pastItsValidityTheDatabaseConfirmsTheLeaseAndRenewsIt() {
		useMovableClocks("1h");
		DeliveryLocks.Lease lease = this.locks.tryLock("k1").orElseThrow();
		Instant until = this.locks.holder("k1").orElseThrow().lockedUntil();

		// a stall of more than an hour on this process's clock; the row still names this
		// process and runs on (its deadline moved back a minute, to see it renewed)
		this.nanos.addAndGet(Duration.ofMinutes(61).toNanos());
		this.jdbc.update("UPDATE " + DeliveryLocks.TABLE + " SET LOCK_UNTIL = ? WHERE NAME = 'delivery-k1'",
				Timestamp.from(until.minusSeconds(60)));
		lease.confirm(FILE);

		assertThat(this.locks.holder("k1").orElseThrow().lockedUntil()).as("renewed by the confirmation")
			.isAfterOrEqualTo(until);
		// and surely held again for an hour from before that renewal
		takeOver("k1", TAKER);
		assertThatCode(() -> lease.confirm(FILE)).doesNotThrowAnyException();
	}

	@Test
	void aLeaseAnotherProcessTookIsLostForGoodAndClosesQuietly() {
		useMovableClocks("1h");
		DeliveryLocks.Lease lease = this.locks.tryLock("k1").orElseThrow();
		takeOver("k1", TAKER);

		this.nanos.addAndGet(Duration.ofMinutes(61).toNanos());

		assertThatThrownBy(() -> lease.confirm(FILE)).isInstanceOf(LeaseLostException.class)
			.hasMessage("another process (" + TAKER + ") took over the delivery of " + FILE
					+ " after this process stalled for longer than scb.recovery.stale-after (1h) without renewing its"
					+ " lease: this process sends SCB nothing more for it; see 'list' for how it ends");
		this.jdbc.update("UPDATE " + DeliveryLocks.TABLE + " SET LOCKED_BY = ? WHERE NAME = 'delivery-k1'",
				this.locks.owner());
		assertThatThrownBy(() -> lease.confirm(FILE)).as("lost for good, even were the row to name it again")
			.isInstanceOf(LeaseLostException.class);
		takeOver("k1", TAKER);

		// ShedLock's own unlock would throw "Lock ... is not valid" here
		assertThatCode(lease::close).doesNotThrowAnyException();
		assertThat(this.locks.holder("k1").orElseThrow().owner()).as("the taker's lease is left alone")
			.isEqualTo(TAKER);
	}

	@Test
	void aLeaseThatLapsedWithNoOneTakingItOverIsTakenAgain() {
		// a job repository unreachable for longer than stale-after, or a stall nobody
		// noticed: the row still names this process, so nobody delivered the file since
		useMovableClocks("1h");
		DeliveryLocks.Lease lease = this.locks.tryLock("k1").orElseThrow();
		this.jdbc.update("UPDATE " + DeliveryLocks.TABLE + " SET LOCK_UNTIL = ? WHERE NAME = 'delivery-k1'",
				Timestamp.from(Instant.now().minusSeconds(1)));

		this.nanos.addAndGet(Duration.ofMinutes(61).toNanos());

		lease.confirm(FILE);
		assertThat(this.locks.tryLock("k1")).as("held again by this process").isEmpty();
		lease.close();
		assertThat(this.locks.tryLock("k1")).isPresent();
	}

	@Test
	void aLeaseThatLapsedAndWasTakenByAnotherRunIsLost() {
		useMovableClocks("1h");
		DeliveryLocks.Lease lease = this.locks.tryLock("k1").orElseThrow();
		takeOver("k1", TAKER);
		// the taker finished and released it: the row keeps its name
		this.jdbc.update("UPDATE " + DeliveryLocks.TABLE + " SET LOCK_UNTIL = ? WHERE NAME = 'delivery-k1'",
				Timestamp.from(Instant.now().minusSeconds(1)));

		this.nanos.addAndGet(Duration.ofMinutes(61).toNanos());

		assertThatThrownBy(() -> lease.confirm(FILE)).isInstanceOf(LeaseLostException.class)
			.hasMessageContaining("took over the delivery of " + FILE);
		lease.close();
	}

	@Test
	void aWallClockThatJumpedAlsoSendsTheConfirmationToTheDatabase() {
		// a machine suspended as a whole may not have moved its monotonic clock on
		useMovableClocks("1h");
		DeliveryLocks.Lease lease = this.locks.tryLock("k1").orElseThrow();
		takeOver("k1", TAKER);

		this.wall.advance(Duration.ofMinutes(61));

		assertThatThrownBy(() -> lease.confirm(FILE)).isInstanceOf(LeaseLostException.class);
	}

	@Test
	void theRenewerThatFindsTheLeaseTakenOverMarksItLost() {
		// the test's monotonic clock stands still: only the renewer (every 100 ms) can
		// find out
		useMovableClocks("400ms");
		DeliveryLocks.Lease lease = this.locks.tryLock("k1").orElseThrow();
		assertThatCode(() -> lease.confirm(FILE)).doesNotThrowAnyException();

		takeOver("k1", TAKER);

		await().atMost(Duration.ofSeconds(10))
			.untilAsserted(() -> assertThatThrownBy(() -> lease.confirm(FILE)).isInstanceOf(LeaseLostException.class)
				.hasMessageContaining("another process (" + TAKER + ")"));
	}

	@Test
	void aDatabaseThatCannotBeAskedLeavesTheLeaseUnconfirmedButNotLost() {
		useMovableClocks("1h");
		DeliveryLocks.Lease lease = this.locks.tryLock("k1").orElseThrow();
		this.nanos.addAndGet(Duration.ofMinutes(61).toNanos());
		this.jdbc.execute("ALTER TABLE " + DeliveryLocks.TABLE + " RENAME TO SCB_DELIVERY_LOCK_ASIDE");
		try {
			assertThatThrownBy(() -> lease.confirm(FILE)).isInstanceOf(ExplainedFailureException.class)
				.isNotInstanceOf(LeaseLostException.class)
				.hasMessageStartingWith("could not confirm that this process still holds the lease on the delivery of "
						+ FILE + ", so it sends SCB nothing for it now: the job repository did not answer");
		}
		finally {
			this.jdbc.execute("ALTER TABLE SCB_DELIVERY_LOCK_ASIDE RENAME TO " + DeliveryLocks.TABLE);
		}

		assertThatCode(() -> lease.confirm(FILE)).as("once it answers again").doesNotThrowAnyException();
	}

	@Test
	void theStepsFindTheLeaseOfTheirExecutionsDelivery() {
		useMovableClocks("1h");
		JobParameters parameters = new JobParametersBuilder().addString(DeliveryJobParameters.FILE, FILE.toString())
			.toJobParameters();
		JobExecution execution = new JobExecution(7L, new JobInstance(3L, "gdbDelivery"), parameters);

		assertThatThrownBy(() -> this.held.confirm(execution)).isInstanceOf(IllegalStateException.class)
			.hasMessage("execution 7: this process holds no lease on the delivery of " + FILE
					+ ", so it may not call SCB for it");

		String key = new DefaultJobKeyGenerator().generateKey(parameters);
		DeliveryLocks.Lease lease = this.locks.tryLock(key).orElseThrow();
		assertThatCode(() -> this.held.confirm(execution)).doesNotThrowAnyException();

		takeOver(key, TAKER);
		this.nanos.addAndGet(Duration.ofMinutes(61).toNanos());
		assertThatThrownBy(() -> this.held.confirm(execution)).isInstanceOf(LeaseLostException.class);

		lease.close();
		assertThatThrownBy(() -> this.held.confirm(execution)).as("once released")
			.isInstanceOf(IllegalStateException.class);
	}

	@Test
	void aSecondRunIsToldWhenTheHoldersLeaseLapses() {
		this.locks.tryLock("k1").orElseThrow();

		ExecutionStillRunningException refused = this.locks.heldElsewhere("k1", FILE);

		assertThat(refused.getMessage())
			.matches("the delivery of " + FILE + " is running in " + this.locks.owner().replace(".", "\\.")
					+ "; if that process is gone its lease lapses at (\\d\\d:\\d\\d:\\d\\d \\S+): run again after \\1");
	}

	private void useMovableClocks(String staleAfter) {
		this.locks.destroy();
		this.locks = new DeliveryLocks(this.jdbc, properties(staleAfter), this.held,
				new RepositoryOutages(properties(staleAfter)), this.nanos::get, this.wall);
	}

	/** Another process takes the row, as it may once the lease lapsed. */
	private void takeOver(String key, String owner) {
		this.jdbc.update("UPDATE " + DeliveryLocks.TABLE + " SET LOCKED_BY = ?, LOCK_UNTIL = ? WHERE NAME = ?", owner,
				Timestamp.from(Instant.now().plusSeconds(7200)), "delivery-" + key);
	}

	private static ScbProperties properties(String staleAfter) {
		return new Binder(new MapConfigurationPropertySource(Map.of("scb.recovery.stale-after", staleAfter)))
			.bindOrCreate("scb", ScbProperties.class);
	}

}
