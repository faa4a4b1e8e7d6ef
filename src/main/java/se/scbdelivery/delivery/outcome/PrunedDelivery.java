package se.scbdelivery.delivery.outcome;

import java.time.Instant;
import java.util.EnumSet;
import java.util.Set;

import org.jspecify.annotations.Nullable;

/**
 * What {@code prune} keeps of a delivery whose job instance it removed, so that the file
 * is not delivered again: which execution ended it, how, with which DeliveryId or ticket.
 * Kept only for a delivery SCB gave its verdict on, or that a person abandoned; one that
 * was refused or had bad input is run again when delivered again, with or without its
 * instance.
 *
 * @param receipt the DeliveryId (GDB) or the ticket (generic service), if SCB gave one
 * @param fragments GDB's data fragments; 0 for a file that went whole
 * @param decision why the delivery was abandoned, as its exit status said; none for the
 * others
 */
public record PrunedDelivery(long execution, long instance, DeliveryOutcome outcome, @Nullable Instant started,
		Instant ended, String fileName, @Nullable String receipt, int fragments, int fragmentSize,
		@Nullable String decision, Instant prunedAt) {

	/** The outcomes a record is kept of. */
	public static final Set<DeliveryOutcome> KEPT = EnumSet.of(DeliveryOutcome.LOADED,
			DeliveryOutcome.LOADED_WITH_ERRORS, DeliveryOutcome.NOT_LOADED, DeliveryOutcome.ABANDONED);

	public PrunedDelivery {
		if (!KEPT.contains(outcome)) {
			throw new IllegalArgumentException(
					"no record is kept of a delivery that ended " + outcome + ": only of one that ended " + KEPT);
		}
	}

	/** Whether a person abandoned the delivery rather than SCB giving its verdict. */
	public boolean abandoned() {
		return this.outcome == DeliveryOutcome.ABANDONED;
	}

}
