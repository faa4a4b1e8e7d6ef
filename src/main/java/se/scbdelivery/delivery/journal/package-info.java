/**
 * What happened to each delivery, across all its executions: the journal of attempts,
 * SCB's receipts and verdicts, and notable events, kept as JSON in the job's
 * ExecutionContext. The channel is a type here: a receipt, a verdict and SCB's last
 * answer are each GDB's or the generic service's.
 */
@NullMarked
package se.scbdelivery.delivery.journal;

import org.jspecify.annotations.NullMarked;
