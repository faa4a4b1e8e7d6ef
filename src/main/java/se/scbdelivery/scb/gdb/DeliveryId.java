package se.scbdelivery.scb.gdb;

import java.util.regex.Pattern;

/**
 * SCB's identifier of a completed upload: a GUID, used to follow it in {@code history/}.
 */
public record DeliveryId(String value) {

	private static final Pattern GUID = Pattern
		.compile("[0-9a-fA-F]{8}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{12}");

	public DeliveryId {
		if (value == null || !GUID.matcher(value).matches()) {
			throw new IllegalArgumentException("DeliveryId '" + value + "' is not a GUID");
		}
	}

	@Override
	public String toString() {
		return this.value;
	}

}
