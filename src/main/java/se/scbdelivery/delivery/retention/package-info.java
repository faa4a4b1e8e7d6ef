/**
 * Retention: {@code prune} removes old deliveries whose newest execution reached a final
 * outcome, as a whole and in bounded batches, and keeps a small record of each one whose
 * file is not to be delivered again, which the launcher reads where a file has no job
 * instance. The selection, the deletion and the records are one class each; the room sits
 * above launching (it leaves alone what a live process holds the lease of).
 */
@NullMarked
package se.scbdelivery.delivery.retention;

import org.jspecify.annotations.NullMarked;
