/**
 * What a person reads: the summary of one delivery, the {@code list} table, the summary
 * of a {@code scan} on stdout and as JSON, CSV and HTML files, and what {@code prune}
 * removed.
 */
@NullMarked
package se.scbdelivery.report;

import org.jspecify.annotations.NullMarked;
