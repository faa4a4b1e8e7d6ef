/**
 * What a person reads: the summary of one delivery and the {@code list} table.
 */
@NullMarked
package se.scbdelivery.report;

import org.jspecify.annotations.NullMarked;
