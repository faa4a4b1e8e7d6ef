/**
 * How a delivery ended: its outcome and exit code, the report a person reads (assembled
 * and written in one place), the listener that records every execution's end, and the
 * query for the newest deliveries.
 */
@NullMarked
package se.scbdelivery.delivery.outcome;

import org.jspecify.annotations.NullMarked;
