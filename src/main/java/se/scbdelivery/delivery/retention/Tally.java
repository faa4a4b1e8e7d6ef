package se.scbdelivery.delivery.retention;

import java.time.LocalDateTime;
import java.util.EnumMap;
import java.util.Map;

import org.jspecify.annotations.Nullable;

import se.scbdelivery.delivery.outcome.DeliveryOutcome;
import se.scbdelivery.delivery.outcome.PrunedDelivery;

/**
 * What a prune removes, counted: deliveries by outcome, their executions, and when the
 * executions ended (local time, as Spring Batch writes it).
 */
final class Tally {

	private final Map<DeliveryOutcome, Long> deliveries = new EnumMap<>(DeliveryOutcome.class);

	private long executions;

	private @Nullable LocalDateTime oldestEnd;

	private @Nullable LocalDateTime newestEnd;

	void addDeliveries(DeliveryOutcome outcome, long count) {
		this.deliveries.merge(outcome, count, Long::sum);
	}

	void addExecutions(long count, @Nullable LocalDateTime oldest, @Nullable LocalDateTime newest) {
		this.executions += count;
		if (oldest != null && (this.oldestEnd == null || oldest.isBefore(this.oldestEnd))) {
			this.oldestEnd = oldest;
		}
		if (newest != null && (this.newestEnd == null || newest.isAfter(this.newestEnd))) {
			this.newestEnd = newest;
		}
	}

	Map<DeliveryOutcome, Long> deliveries() {
		return Map.copyOf(this.deliveries);
	}

	/** How many of the deliveries leave a record. */
	long records() {
		return this.deliveries.entrySet()
			.stream()
			.filter((counted) -> PrunedDelivery.KEPT.contains(counted.getKey()))
			.mapToLong(Map.Entry::getValue)
			.sum();
	}

	long executions() {
		return this.executions;
	}

	@Nullable LocalDateTime oldestEnd() {
		return this.oldestEnd;
	}

	@Nullable LocalDateTime newestEnd() {
		return this.newestEnd;
	}

}
