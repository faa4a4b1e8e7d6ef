package se.scbdelivery.delivery.journal;

import com.fasterxml.jackson.annotation.JsonSubTypes;
import com.fasterxml.jackson.annotation.JsonTypeInfo;

/**
 * What SCB gave back for an uploaded file, by which the delivery is followed from then
 * on: a DeliveryId (GDB) or a ticket (generic service).
 */
@JsonTypeInfo(use = JsonTypeInfo.Id.NAME, property = "channel")
@JsonSubTypes({ @JsonSubTypes.Type(value = GdbReceipt.class, name = "gdb"),
		@JsonSubTypes.Type(value = GenericReceipt.class, name = "generic") })
public sealed interface ScbReceipt permits GdbReceipt, GenericReceipt {

	/** The DeliveryId or the ticket, as SCB wrote it. */
	String reference();

}
