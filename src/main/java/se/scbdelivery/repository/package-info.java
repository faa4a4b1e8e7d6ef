/**
 * The job repository's own behaviour, below every job: which of Spring Batch's writes
 * reach the database.
 */
@NullMarked
package se.scbdelivery.repository;

import org.jspecify.annotations.NullMarked;
