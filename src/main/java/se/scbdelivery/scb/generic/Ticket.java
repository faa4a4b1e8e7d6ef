package se.scbdelivery.scb.generic;

import java.util.regex.Pattern;

/** The generic service's receipt for one POST: a UUID, used to follow the delivery. */
public record Ticket(String value) {

	private static final Pattern UUID = Pattern
		.compile("[0-9a-fA-F]{8}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{12}");

	public Ticket {
		if (value == null || !UUID.matcher(value).matches()) {
			throw new IllegalArgumentException("ticket '" + value + "' is not a UUID");
		}
	}

	@Override
	public String toString() {
		return this.value;
	}

}
