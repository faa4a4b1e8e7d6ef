/**
 * SCB's domain values (organisation numbers, programs, environments) and the client's wiring.
 */
@NullMarked
package se.scbdelivery.scb;

import org.jspecify.annotations.NullMarked;
