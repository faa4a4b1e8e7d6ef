package se.scbdelivery.delivery.journal;

import org.jspecify.annotations.Nullable;

/**
 * GDB's answer to the completing fragment {@code -1}: the DeliveryId and SCB's time
 * stamp.
 */
public record GdbReceipt(String deliveryId, @Nullable String timeStamp) implements ScbReceipt {

	@Override
	public String reference() {
		return this.deliveryId;
	}

}
