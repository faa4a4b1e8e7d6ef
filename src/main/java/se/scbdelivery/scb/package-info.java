/**
 * SCB's domain values (organisation numbers, programs) and the clients' wiring.
 */
@NullMarked
package se.scbdelivery.scb;

import org.jspecify.annotations.NullMarked;
