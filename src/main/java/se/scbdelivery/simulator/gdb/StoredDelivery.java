package se.scbdelivery.simulator.gdb;

import java.io.UncheckedIOException;
import java.time.Instant;

import se.scbdelivery.scb.gdb.DeliveryId;
import se.scbdelivery.scb.gdb.UploadTarget;
import se.scbdelivery.simulator.ScbStandIn;
import se.scbdelivery.simulator.server.ReceivedFile;

/**
 * A completed upload: its fragments assembled in index order into the file SCB received.
 *
 * @param file the assembled file, in memory or, when large, on disk until
 * {@link ScbStandIn#reset()} or {@link ScbStandIn#close()}
 * @param status the final Status text {@code history} reports once the {@code Bearbetar}
 * polls are used up
 * @param progressStatus the ProgressStatus reported with the final status
 * @param fileWasUploaded the FileWasUploaded reported with the final status
 */
public record StoredDelivery(DeliveryId deliveryId, UploadTarget target, ReceivedFile file, String status,
		int progressStatus, boolean fileWasUploaded, Instant submittedAt) {

	/** The number of bytes SCB received. */
	public long size() {
		return this.file.size();
	}

	/**
	 * A copy of the assembled bytes.
	 * @throws UncheckedIOException when a large file's temporary copy has been deleted
	 */
	public byte[] content() {
		return this.file.content();
	}

}
