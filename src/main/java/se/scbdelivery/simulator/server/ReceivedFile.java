package se.scbdelivery.simulator.server;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.Objects;

import org.jspecify.annotations.Nullable;

/**
 * A file the stand-in received, through either API: in memory up to
 * {@link #IN_MEMORY_LIMIT} bytes, otherwise in the stand-in's temporary file until
 * {@link #delete()}, so that however much it is sent, its heap holds only small files.
 * Immutable.
 */
public final class ReceivedFile {

	/**
	 * Files up to this size are kept in memory; larger ones stay in their temporary file.
	 */
	public static final int IN_MEMORY_LIMIT = 16 * 1024 * 1024;

	private final long size;

	private final byte @Nullable [] bytes;

	private final @Nullable Path file;

	private ReceivedFile(long size, byte @Nullable [] bytes, @Nullable Path file) {
		this.size = size;
		this.bytes = bytes;
		this.file = file;
	}

	/**
	 * Takes over a temporary file the stand-in wrote: a small one is read into memory and
	 * deleted, a larger one is kept where it is.
	 * @throws UncheckedIOException when the file cannot be read or deleted
	 */
	public static ReceivedFile takeOver(Path written) {
		try {
			long size = Files.size(written);
			if (size > IN_MEMORY_LIMIT) {
				return new ReceivedFile(size, null, written);
			}
			byte[] bytes = Files.readAllBytes(written);
			Files.delete(written);
			return new ReceivedFile(size, bytes, null);
		}
		catch (IOException ex) {
			throw new UncheckedIOException("could not take over the stand-in's temporary file " + written, ex);
		}
	}

	/** The number of bytes received. */
	public long size() {
		return this.size;
	}

	/**
	 * A copy of the bytes.
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
			throw new UncheckedIOException(
					"the stand-in's copy (" + this.size + " bytes) is gone: it is deleted by reset() and close()", ex);
		}
	}

	/** The stand-in's own array, when the bytes are in memory: not to be changed. */
	public byte @Nullable [] bytesInMemory() {
		return this.bytes;
	}

	/** The temporary file, when the bytes are not in memory. */
	public @Nullable Path temporaryFile() {
		return this.file;
	}

	/** Deletes the temporary file, if there is one. */
	public void delete() {
		TemporaryFiles.delete(this.file);
	}

	@Override
	public boolean equals(Object other) {
		return other instanceof ReceivedFile that && this.size == that.size && Arrays.equals(this.bytes, that.bytes)
				&& Objects.equals(this.file, that.file);
	}

	@Override
	public int hashCode() {
		return Objects.hash(this.size, Arrays.hashCode(this.bytes), this.file);
	}

	@Override
	public String toString() {
		return this.size + " bytes" + ((this.file != null) ? " in " + this.file : "");
	}

}
