package se.scbdelivery.delivery;

import java.nio.file.Path;

/**
 * One delivery as the user asked for it, every value already checked: a file and the
 * metadata of its channel.
 */
public sealed interface DeliveryRequest permits GdbDeliveryRequest, GenericDeliveryRequest {

	/** The file, absolute and normalised. */
	Path file();

	/** The name SCB sees. */
	String fileName();

	Channel channel();

}
