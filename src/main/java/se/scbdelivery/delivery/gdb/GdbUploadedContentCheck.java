package se.scbdelivery.delivery.gdb;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.Executor;
import java.util.concurrent.Executors;

import org.jspecify.annotations.Nullable;

import se.scbdelivery.delivery.FileFingerprint;
import se.scbdelivery.delivery.InvalidDeliveryInputException;

/**
 * Hashes the file's bytes in order, behind the upload, on a thread of its own, so that
 * before the completion it can say whether the fragments SCB holds still make up the file
 * the delivery began with, without reading the whole file again at the end. The hashing
 * of one fragment runs while the next is on the wire; a resumed upload first hashes the
 * part sent earlier. One instance per upload step execution.
 */
final class GdbUploadedContentCheck {

	private static final int BUFFER_SIZE = 256 * 1024;

	private final Path file;

	private final FileFingerprint expected;

	private final MessageDigest digest;

	/**
	 * Shared by every upload of the process, so its threads follow the uploads hashing at
	 * once (at most the uploads in flight), not the uploads made in the last second; each
	 * upload's ranges are still hashed in order, one after the other.
	 */
	private static final Executor HASHER = Executors.newCachedThreadPool((task) -> {
		Thread thread = new Thread(task, "upload-hash");
		thread.setDaemon(true);
		return thread;
	});

	private CompletableFuture<Long> hashed = CompletableFuture.completedFuture(0L);

	private long requested;

	/** The SHA-256 of the whole file once hashed, or {@code (shorter)}. */
	private @Nullable String sha256;

	GdbUploadedContentCheck(Path file, FileFingerprint expected) {
		this.file = file;
		this.expected = expected;
		try {
			this.digest = MessageDigest.getInstance("SHA-256");
		}
		catch (NoSuchAlgorithmException ex) {
			throw new IllegalStateException("this JVM has no SHA-256", ex);
		}
	}

	/** Hashes, in the background, the file's bytes up to {@code end} not hashed yet. */
	void coverUpTo(long end) {
		if (end <= this.requested) {
			return;
		}
		long from = this.requested;
		this.requested = end;
		this.hashed = this.hashed.thenApplyAsync((upTo) -> (upTo < from) ? upTo : hash(from, end), HASHER);
	}

	/**
	 * Waits for the hashing of the whole file.
	 * @throws InvalidDeliveryInputException when the file no longer has the size and
	 * SHA-256 the delivery began with, or cannot be read
	 */
	void verify() {
		coverUpTo(this.expected.size());
		long upTo;
		try {
			upTo = this.hashed.get();
		}
		catch (InterruptedException ex) {
			Thread.currentThread().interrupt();
			throw new IllegalStateException("interrupted while checking " + this.file, ex);
		}
		catch (ExecutionException ex) {
			Throwable cause = (ex.getCause() != null) ? ex.getCause() : ex;
			throw new InvalidDeliveryInputException("file " + this.file + " cannot be read: " + cause.getMessage(),
					cause);
		}
		String sha256 = this.sha256;
		if (sha256 == null) {
			sha256 = (upTo == this.expected.size()) ? HexFormat.of().formatHex(this.digest.digest()) : "(shorter)";
			this.sha256 = sha256;
		}
		long size = currentSize();
		if (size != this.expected.size() || !sha256.equals(this.expected.sha256())) {
			throw new InvalidDeliveryInputException("file " + this.file + " changed while it was being uploaded"
					+ " (SHA-256 " + this.expected.sha256().substring(0, 12) + "… then, " + abbreviate(sha256)
					+ " now; " + this.expected.size() + " bytes then, " + size + " now): the completing fragment was"
					+ " not sent, so SCB has nothing to load; a changed file is a new delivery, deliver it again once"
					+ " it is complete");
		}
	}

	/**
	 * @return the position hashed up to: {@code end}, or less when the file ends early
	 */
	private long hash(long from, long end) {
		try (FileChannel channel = FileChannel.open(this.file, StandardOpenOption.READ)) {
			ByteBuffer buffer = ByteBuffer.allocate(BUFFER_SIZE);
			long position = from;
			while (position < end) {
				buffer.clear().limit((int) Math.min(BUFFER_SIZE, end - position));
				int read = channel.read(buffer, position);
				if (read < 0) {
					return position;
				}
				this.digest.update(buffer.flip());
				position += read;
			}
			return position;
		}
		catch (IOException ex) {
			throw new IllegalStateException(ex.getMessage(), ex);
		}
	}

	private long currentSize() {
		try {
			return Files.size(this.file);
		}
		catch (IOException ex) {
			throw new InvalidDeliveryInputException("file " + this.file + " cannot be read: " + ex.getMessage(), ex);
		}
	}

	private static String abbreviate(String sha256) {
		return (sha256.length() > 12) ? sha256.substring(0, 12) + "…" : sha256;
	}

}
