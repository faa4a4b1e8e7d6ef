/**
 * The job repository's own behaviour, below every job: which of Spring Batch's writes
 * reach the database, and, in an H2 file, that each commit reaches the disk at once and
 * outlives a SIGTERM, whatever URL the operator wrote.
 */
@NullMarked
package se.scbdelivery.repository;

import org.jspecify.annotations.NullMarked;
