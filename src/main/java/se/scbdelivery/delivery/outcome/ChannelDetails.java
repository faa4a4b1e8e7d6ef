package se.scbdelivery.delivery.outcome;

import org.jspecify.annotations.Nullable;

/**
 * The part of a delivery's report that belongs to its channel, with the few things every
 * table shows of either channel.
 */
public sealed interface ChannelDetails permits GdbDetails, GenericDetails {

	/** The statistical program, or {@code generic} for the generic service. */
	String program();

	/** GDB's reference period; none for the generic service. */
	@Nullable String referencePeriod();

	/** GDB's file format; none for the generic service. */
	@Nullable String fileFormat();

	/**
	 * What SCB gave back for the upload, as a table shows it: the DeliveryId, or "ticket
	 * …".
	 */
	@Nullable String scbReference();

	/** The DeliveryId or the ticket alone. */
	@Nullable String receipt();

	/**
	 * SCB's verdict as a table shows it: the history status, or
	 * {@code successfulValidation …}.
	 */
	@Nullable String scbVerdict();

}
