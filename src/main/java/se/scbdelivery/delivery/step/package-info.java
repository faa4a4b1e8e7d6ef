/**
 * The steps both delivery jobs share: validating the input at every start, pacing the
 * polls of SCB's verdict, and writing the report.
 */
@NullMarked
package se.scbdelivery.delivery.step;

import org.jspecify.annotations.NullMarked;
