package se.scbdelivery.delivery.retention;

import java.time.LocalDateTime;

import org.jspecify.annotations.Nullable;

import se.scbdelivery.delivery.outcome.DeliveryOutcome;

/**
 * A delivery the selection found to prune: its job instance and its newest execution, as
 * the job repository holds them (times in this system's local time, as Spring Batch
 * writes them).
 *
 * @param exitDescription the newest execution's exit description: for an abandoned
 * delivery, who decided and why
 */
record PruneCandidate(long instance, String jobName, String jobKey, long newestExecution, DeliveryOutcome outcome,
		@Nullable LocalDateTime started, LocalDateTime ended, @Nullable String exitDescription) {

}
