package se.scbdelivery.delivery.retention;

import java.nio.file.Path;
import java.time.LocalDateTime;
import java.util.Collections;
import java.util.Map;
import java.util.TreeMap;

import org.jspecify.annotations.Nullable;

import se.scbdelivery.delivery.outcome.DeliveryOutcome;

/**
 * What a prune removed, or a dry run would remove, and what it keeps. Times are this
 * system's local time, as Spring Batch writes them.
 *
 * @param removed whether the deliveries were removed, or this is a dry run
 * @param cutoff deliveries whose newest execution ended before this are old
 * @param deliveries the removed deliveries by outcome
 * @param executions all their executions
 * @param oldestEnd when the first of those executions ended
 * @param newestEnd when the last of them ended
 * @param records how many of the deliveries left a record, so that their files are not
 * delivered again
 * @param restartable the old deliveries kept because they may still be restarted, by the
 * state of their newest execution (FAILED, STOPPED, WAITING, UNKNOWN, RUNNING), in
 * alphabetical order
 * @param leased the old, final deliveries kept because a live process holds their lease
 * @param lapsedLeases the lease rows that lapsed before the cut-off, removed with the
 * deliveries
 * @param reportDir where the deliveries' reports are
 * @param reportsDeleted how many of the removed executions' reports were deleted; none
 * when reports were left alone
 */
public record PruneResult(boolean removed, LocalDateTime cutoff, Map<DeliveryOutcome, Long> deliveries, long executions,
		@Nullable LocalDateTime oldestEnd, @Nullable LocalDateTime newestEnd, long records,
		Map<String, Long> restartable, long leased, long lapsedLeases, Path reportDir,
		@Nullable Integer reportsDeleted) {

	public PruneResult {
		deliveries = Map.copyOf(deliveries);
		restartable = Collections.unmodifiableMap(new TreeMap<>(restartable));
	}

	/** How many deliveries were removed, whatever their outcome. */
	public long deliveryCount() {
		return this.deliveries.values().stream().mapToLong(Long::longValue).sum();
	}

	/** How many deliveries of this outcome were removed. */
	public long deliveries(DeliveryOutcome outcome) {
		return this.deliveries.getOrDefault(outcome, 0L);
	}

}
