package se.scbdelivery.scb.gdb;

import org.jspecify.annotations.Nullable;

/** SCB's answer to {@code history/{deliveryId}}, every field kept as received. */
public record HistoryEntry(@Nullable String id, int progressStatus, @Nullable String submissionDate, String status,
		boolean fileWasUploaded) {

	public GdbStatus gdbStatus() {
		return new GdbStatus(this.status, this.progressStatus);
	}

}
