package se.scbdelivery.delivery.launch;

import java.nio.file.Path;
import java.sql.Timestamp;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import java.util.Optional;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

import org.springframework.boot.context.properties.bind.Binder;
import org.springframework.boot.context.properties.source.MapConfigurationPropertySource;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.datasource.SimpleDriverDataSource;

import se.scbdelivery.config.ScbProperties;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

class DeliveryLocksTest {

	private final JdbcTemplate jdbc = new JdbcTemplate(
			new SimpleDriverDataSource(new org.h2.Driver(), "jdbc:h2:mem:locks;DB_CLOSE_DELAY=-1", "sa", ""));

	private final DeliveryLocks locks = new DeliveryLocks(this.jdbc, properties("400ms"));

	@AfterEach
	void dropTable() {
		this.locks.destroy();
		this.jdbc.execute("DROP TABLE " + DeliveryLocks.TABLE);
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
	void theHolderSaysHowLongTheLeaseHasLeftByTheDatabasesClock() {
		this.locks.tryLock("k1").orElseThrow();

		assertThat(this.locks.holder("k1").orElseThrow().left()).isBetween(Duration.ZERO, Duration.ofMillis(400));
	}

	@Test
	void aSecondRunIsToldWhenTheHoldersLeaseLapses() {
		this.locks.tryLock("k1").orElseThrow();

		ExecutionStillRunningException refused = this.locks.heldElsewhere("k1", Path.of("/inbox/vinn.xml"));

		assertThat(refused.getMessage())
			.matches("the delivery of /inbox/vinn.xml is running in " + this.locks.owner().replace(".", "\\.")
					+ "; if that process is gone its lease lapses at (\\d\\d:\\d\\d:\\d\\d): run again after \\1");
	}

	private static ScbProperties properties(String staleAfter) {
		return new Binder(new MapConfigurationPropertySource(Map.of("scb.recovery.stale-after", staleAfter)))
			.bindOrCreate("scb", ScbProperties.class);
	}

}
