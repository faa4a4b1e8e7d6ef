package se.scbdelivery.metrics;

import java.time.Duration;
import java.time.LocalDateTime;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Tags;
import io.micrometer.core.instrument.Timer;
import org.jspecify.annotations.Nullable;

import org.springframework.stereotype.Component;

/**
 * Counts and times finished delivery executions by outcome and channel. These two tags
 * are the only ones: each distinct tag value is a series of its own in Prometheus, and
 * the metrics leave the process, so a file name, organisation number or path never
 * becomes one.
 */
@Component
public class DeliveryMetrics {

	/** The counter; {@code scb_deliveries_total} in Prometheus. */
	public static final String DELIVERIES = "scb.deliveries";

	/**
	 * The timer, from the execution's start to its end;
	 * {@code scb_delivery_duration_seconds}.
	 */
	public static final String DURATION = "scb.delivery.duration";

	private final MeterRegistry registry;

	public DeliveryMetrics(MeterRegistry registry) {
		this.registry = registry;
	}

	/**
	 * Records one finished execution.
	 * @param outcome the name of its {@code DeliveryOutcome}
	 * @param api its channel: {@code gdb} or {@code generic}
	 * @param start when it started; {@code null} when it was stopped before it started
	 * @param end when it ended
	 */
	public void finished(String outcome, String api, @Nullable LocalDateTime start, @Nullable LocalDateTime end) {
		Tags tags = Tags.of("outcome", outcome, "api", api);
		Counter.builder(DELIVERIES)
			.description("Finished delivery executions")
			.tags(tags)
			.register(this.registry)
			.increment();
		if (start != null && end != null) {
			Timer.builder(DURATION)
				.description("Time from a delivery execution's start to its end")
				.tags(tags)
				.register(this.registry)
				.record(Duration.between(start, end));
		}
	}

}
