package se.scbdelivery.simulator;

import java.time.Instant;
import java.util.Arrays;
import java.util.Objects;

import se.scbdelivery.scb.gdb.DeliveryId;
import se.scbdelivery.scb.gdb.UploadTarget;

/**
 * A completed upload: its fragments assembled in index order into the file SCB received.
 *
 * @param status the final Status text {@code history} reports once the
 * {@code Bearbetar} polls are used up
 * @param progressStatus the ProgressStatus reported with the final status
 * @param fileWasUploaded the FileWasUploaded reported with the final status
 */
public record StoredDelivery(DeliveryId deliveryId, UploadTarget target, byte[] content, String status,
		int progressStatus, boolean fileWasUploaded, Instant submittedAt) {

	public StoredDelivery {
		content = content.clone();
	}

	/** A copy of the assembled bytes. */
	@Override
	public byte[] content() {
		return this.content.clone();
	}

	@Override
	public boolean equals(Object other) {
		return other instanceof StoredDelivery that && this.deliveryId.equals(that.deliveryId)
				&& this.target.equals(that.target) && Arrays.equals(this.content, that.content)
				&& this.status.equals(that.status) && this.progressStatus == that.progressStatus
				&& this.fileWasUploaded == that.fileWasUploaded && this.submittedAt.equals(that.submittedAt);
	}

	@Override
	public int hashCode() {
		return Objects.hash(this.deliveryId, this.target, Arrays.hashCode(this.content), this.status,
				this.progressStatus, this.fileWasUploaded, this.submittedAt);
	}

	@Override
	public String toString() {
		return "StoredDelivery[" + this.deliveryId + ", " + this.target + ", " + this.content.length + " bytes, status="
				+ this.status + " (" + this.progressStatus + ", fileWasUploaded=" + this.fileWasUploaded + "), submitted "
				+ this.submittedAt + "]";
	}

}
