package se.scbdelivery.delivery.outcome;

import org.jspecify.annotations.Nullable;

import se.scbdelivery.scb.gdb.HistoryEntry;

/**
 * A GDB delivery's metadata, its fragments, its DeliveryId and SCB's last history answer.
 *
 * @param fragments the data fragments, without the completing {@code -1}
 */
public record GdbDetails(String program, String referencePeriod, String fileFormat, @Nullable String version,
		int fragments, int fragmentSize, @Nullable String deliveryId,
		@Nullable HistoryEntry scbStatus) implements ChannelDetails {

	@Override
	public @Nullable String scbReference() {
		return this.deliveryId;
	}

	@Override
	public @Nullable String receipt() {
		return this.deliveryId;
	}

	@Override
	public @Nullable String scbVerdict() {
		return (this.scbStatus != null) ? this.scbStatus.status() : null;
	}

}
