package se.scbdelivery.metrics;

import java.time.Duration;
import java.time.LocalDateTime;
import java.util.concurrent.TimeUnit;

import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Timer;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/** Each finished execution is counted once under its outcome and channel, and timed. */
class DeliveryMetricsTest {

	private static final LocalDateTime START = LocalDateTime.of(2026, 11, 22, 10, 0);

	private final MeterRegistry registry = new SimpleMeterRegistry();

	private final DeliveryMetrics metrics = new DeliveryMetrics(this.registry);

	@Test
	void countsEachExecutionUnderItsOutcomeAndChannel() {
		this.metrics.finished("LOADED", "gdb", START, START.plusSeconds(3));
		this.metrics.finished("LOADED", "gdb", START, START.plusSeconds(5));
		this.metrics.finished("NOT_LOADED", "generic", START, START.plusSeconds(1));

		assertThat(count("LOADED", "gdb")).isEqualTo(2);
		assertThat(count("NOT_LOADED", "generic")).isEqualTo(1);
		assertThat(this.registry.find(DeliveryMetrics.DELIVERIES).tags("outcome", "LOADED", "api", "generic").counter())
			.isNull();
		Timer loaded = this.registry.get(DeliveryMetrics.DURATION).tags("outcome", "LOADED", "api", "gdb").timer();
		assertThat(loaded.count()).isEqualTo(2);
		assertThat(loaded.totalTime(TimeUnit.SECONDS)).isEqualTo(8);
	}

	@Test
	void anExecutionStoppedBeforeItStartedIsCountedButNotTimed() {
		this.metrics.finished("STOPPED", "gdb", null, START);

		assertThat(count("STOPPED", "gdb")).isEqualTo(1);
		assertThat(this.registry.find(DeliveryMetrics.DURATION).timer()).isNull();
	}

	@Test
	void tagsNothingButOutcomeAndChannel() {
		this.metrics.finished("FAILED", "gdb", START, START.plus(Duration.ofMillis(10)));

		assertThat(this.registry.getMeters())
			.allSatisfy((meter) -> assertThat(meter.getId().getTags()).extracting((tag) -> tag.getKey())
				.containsExactlyInAnyOrder("outcome", "api"));
	}

	private double count(String outcome, String api) {
		return this.registry.get(DeliveryMetrics.DELIVERIES).tags("outcome", outcome, "api", api).counter().count();
	}

}
