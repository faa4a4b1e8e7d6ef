package se.scbdelivery.simulator;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.Arrays;
import java.util.Objects;

import org.jspecify.annotations.Nullable;

import se.scbdelivery.scb.gdb.DeliveryId;
import se.scbdelivery.scb.gdb.UploadTarget;

/**
 * A completed upload: its fragments assembled in index order into the file SCB received. A
 * file of at most {@link DecodingSink#IN_MEMORY_LIMIT} bytes is kept in memory; a larger one
 * stays in the stand-in's temporary file until {@link ScbStandIn#reset()} or
 * {@link ScbStandIn#close()} deletes it. Immutable.
 */
public final class StoredDelivery {

	private final DeliveryId deliveryId;

	private final UploadTarget target;

	private final long size;

	private final byte @Nullable [] bytes;

	private final @Nullable Path file;

	private final String status;

	private final int progressStatus;

	private final boolean fileWasUploaded;

	private final Instant submittedAt;

	/**
	 * Takes over the assembled file: reads a small one into memory and deletes it.
	 * @param status the final Status text {@code history} reports once the {@code Bearbetar}
	 * polls are used up
	 * @param progressStatus the ProgressStatus reported with the final status
	 * @param fileWasUploaded the FileWasUploaded reported with the final status
	 */
	StoredDelivery(DeliveryId deliveryId, UploadTarget target, Path assembled, String status, int progressStatus,
			boolean fileWasUploaded, Instant submittedAt) {
		this.deliveryId = deliveryId;
		this.target = target;
		this.status = status;
		this.progressStatus = progressStatus;
		this.fileWasUploaded = fileWasUploaded;
		this.submittedAt = submittedAt;
		try {
			this.size = Files.size(assembled);
			if (this.size <= DecodingSink.IN_MEMORY_LIMIT) {
				this.bytes = Files.readAllBytes(assembled);
				this.file = null;
				Files.delete(assembled);
			}
			else {
				this.bytes = null;
				this.file = assembled;
			}
		}
		catch (IOException ex) {
			throw new UncheckedIOException("could not store the upload assembled in " + assembled, ex);
		}
	}

	public DeliveryId deliveryId() {
		return this.deliveryId;
	}

	public UploadTarget target() {
		return this.target;
	}

	/** The number of bytes SCB received. */
	public long size() {
		return this.size;
	}

	/**
	 * A copy of the assembled bytes.
	 * @throws UncheckedIOException when a large file's temporary copy has been deleted
	 */
	public byte[] content() {
		if (this.bytes != null) {
			return this.bytes.clone();
		}
		try {
			return Files.readAllBytes(Objects.requireNonNull(this.file));
		}
		catch (IOException ex) {
			throw new UncheckedIOException("the stand-in's copy of " + this.target.fileName() + " (" + this.size
					+ " bytes) is gone: it is deleted by reset() and close()", ex);
		}
	}

	/** The final Status text {@code history} reports once the {@code Bearbetar} polls are used up. */
	public String status() {
		return this.status;
	}

	public int progressStatus() {
		return this.progressStatus;
	}

	public boolean fileWasUploaded() {
		return this.fileWasUploaded;
	}

	public Instant submittedAt() {
		return this.submittedAt;
	}

	void deleteFile() {
		TemporaryFiles.delete(this.file);
	}

	@Override
	public boolean equals(Object other) {
		return other instanceof StoredDelivery that && this.deliveryId.equals(that.deliveryId)
				&& this.target.equals(that.target) && this.size == that.size && Arrays.equals(this.bytes, that.bytes)
				&& Objects.equals(this.file, that.file) && this.status.equals(that.status)
				&& this.progressStatus == that.progressStatus && this.fileWasUploaded == that.fileWasUploaded
				&& this.submittedAt.equals(that.submittedAt);
	}

	@Override
	public int hashCode() {
		return Objects.hash(this.deliveryId, this.target, this.size, this.status, this.submittedAt);
	}

	@Override
	public String toString() {
		return "StoredDelivery[" + this.deliveryId + ", " + this.target + ", " + this.size + " bytes, status="
				+ this.status + " (" + this.progressStatus + ", fileWasUploaded=" + this.fileWasUploaded + "), submitted "
				+ this.submittedAt + "]";
	}

}
