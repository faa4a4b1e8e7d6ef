package se.scbdelivery.delivery.journal;

/** The generic service's answer to the POST: a ticket. */
public record GenericReceipt(String ticket) implements ScbReceipt {

	@Override
	public String reference() {
		return this.ticket;
	}

}
