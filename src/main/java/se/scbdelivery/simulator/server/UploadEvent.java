package se.scbdelivery.simulator.server;

import java.time.Instant;

/**
 * A moment in an upload's life, on the stand-in's clock, as {@link UploadLog} records it.
 *
 * @param at when the stand-in made the answer that marks it
 * @param id the DeliveryId (GDB) or ticket (generic)
 */
public record UploadEvent(Instant at, Channel channel, String id, Kind kind) {

	/** What happened. */
	public enum Kind {

		/**
		 * The upload is complete: the GDB completion (fragment -1) stored the delivery,
		 * or the generic POST made its ticket.
		 */
		COMPLETED,

		/**
		 * The first answer with the final status: a GDB history entry that is no longer
		 * {@code Bearbetar}, or the generic status endpoint's first 302.
		 */
		FINAL_STATUS_ANSWERED

	}

}
