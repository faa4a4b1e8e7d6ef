/**
 * The delivery job: one execution per file, its steps, the journal of what SCB said, leases on
 * running executions, outcomes and reports.
 */
@NullMarked
package se.scbdelivery.delivery;

import org.jspecify.annotations.NullMarked;
