package se.scbdelivery.delivery;

import java.time.Duration;
import java.time.Instant;
import java.time.OffsetDateTime;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

import org.springframework.boot.context.properties.bind.Binder;
import org.springframework.boot.context.properties.source.MapConfigurationPropertySource;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.datasource.SimpleDriverDataSource;

import se.scbdelivery.config.ScbProperties;

import static org.assertj.core.api.Assertions.assertThat;

class ExecutionLeasesTest {

	private final JdbcTemplate jdbc = new JdbcTemplate(
			new SimpleDriverDataSource(new org.h2.Driver(), "jdbc:h2:mem:leases;DB_CLOSE_DELAY=-1", "sa", ""));

	private final ExecutionLeases leases = new ExecutionLeases(this.jdbc, properties("200ms"));

	@AfterEach
	void stop() {
		this.leases.destroy();
		this.jdbc.execute("DROP TABLE SCB_EXECUTION_LEASE");
	}

	@Test
	void aRunningExecutionsLeaseIsRenewedUntilReleased() {
		this.leases.acquire(7);
		ExecutionLeases.Lease first = this.leases.find(7).orElseThrow();
		assertThat(first.owner()).isEqualTo(this.leases.owner()).contains(":");

		// renewed every quarter of stale-after (50 ms): poll until the time moved, bounded
		OffsetDateTime renewed = first.renewedAt();
		Instant deadline = Instant.now().plusSeconds(10);
		while (!renewed.isAfter(first.renewedAt()) && Instant.now().isBefore(deadline)) {
			renewed = this.leases.find(7).orElseThrow().renewedAt();
			Thread.onSpinWait();
		}
		assertThat(renewed).isAfter(first.renewedAt());
		assertThat(this.leases.find(7).orElseThrow().age()).isLessThan(Duration.ofMillis(200));

		this.leases.release(7);
		assertThat(this.leases.find(7)).isEmpty();
	}

	@Test
	void anotherProcessesLeaseIsNeverTouched() {
		this.jdbc.update("INSERT INTO SCB_EXECUTION_LEASE (JOB_EXECUTION_ID, OWNER, RENEWED_AT) VALUES (9, 'elsewhere:1', ?)",
				OffsetDateTime.now().minusMinutes(5));
		this.leases.acquire(8);

		ExecutionLeases.Lease foreign = this.leases.find(9).orElseThrow();

		assertThat(foreign.owner()).isEqualTo("elsewhere:1");
		assertThat(foreign.age()).isGreaterThan(Duration.ofMinutes(4));
	}

	private static ScbProperties properties(String staleAfter) {
		return new Binder(new MapConfigurationPropertySource(java.util.Map.of("scb.recovery.stale-after", staleAfter)))
			.bindOrCreate("scb", ScbProperties.class);
	}

}
