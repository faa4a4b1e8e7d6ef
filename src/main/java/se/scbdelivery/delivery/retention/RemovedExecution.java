package se.scbdelivery.delivery.retention;

import java.time.LocalDateTime;

import org.jspecify.annotations.Nullable;

/** One execution of a pruned delivery. */
record RemovedExecution(long instance, long execution, @Nullable LocalDateTime ended) {

}
