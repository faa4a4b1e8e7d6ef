package se.scbdelivery.simulator.gdb;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import org.jspecify.annotations.Nullable;

import se.scbdelivery.scb.gdb.UploadTarget;
import se.scbdelivery.simulator.server.TemporaryFiles;

/**
 * Uploads in progress: the fragments received so far for each target (and, when uploads
 * do not survive a new session, each session). Fragments arrive in order, each index at
 * most one past the highest so far; a repeated index replaces its bytes, as SCB keeps the
 * latest copy.
 * <p>
 * Each upload is spooled to a temporary file as its fragments arrive, so a stand-in that
 * is sent many large files holds none of them in memory: a month-end rehearsal or a
 * benchmark sends it gigabytes.
 */
final class GdbPartialUploads {

	private final boolean surviveNewSession;

	private final Map<Key, Spool> uploads = new HashMap<>();

	/** A fragment arrived out of order; the message says which index is expected. */
	static final class OutOfOrderException extends Exception {

		OutOfOrderException(String message) {
			super(message);
		}

	}

	private record Key(UploadTarget target, @Nullable String sessionId) {

	}

	GdbPartialUploads(boolean surviveNewSession) {
		this.surviveNewSession = surviveNewSession;
	}

	synchronized void put(UploadTarget target, String sessionId, int index, byte[] content) throws OutOfOrderException {
		Key key = key(target, sessionId);
		Spool spool = this.uploads.get(key);
		if (spool == null) {
			if (index > 0) {
				throw new OutOfOrderException(
						"no upload in progress for this file in this session; start at fragment 0");
			}
			spool = Spool.create();
			this.uploads.put(key, spool);
		}
		if (index > spool.count()) {
			throw new OutOfOrderException("fragment " + index + " leaves a gap: fragments 0.." + (spool.count() - 1)
					+ " have arrived, so the next is " + spool.count());
		}
		spool.put(index, content);
	}

	/**
	 * Removes the upload and returns a temporary file holding its fragments joined in
	 * index order, which the caller then owns; {@code null} when there is none.
	 */
	synchronized @Nullable Path take(UploadTarget target, String sessionId) {
		Spool spool = this.uploads.remove(key(target, sessionId));
		return (spool != null) ? spool.assemble() : null;
	}

	synchronized void clear() {
		this.uploads.values().forEach(Spool::delete);
		this.uploads.clear();
	}

	private Key key(UploadTarget target, String sessionId) {
		return new Key(target, this.surviveNewSession ? null : sessionId);
	}

	/**
	 * One upload's fragments, appended to a file in arrival order; a repeated index
	 * appends its new bytes and points at them.
	 */
	private static final class Spool {

		private record Segment(long offset, int length) {

		}

		private final Path file;

		private final FileChannel channel;

		private final List<Segment> segments = new ArrayList<>();

		private Spool(Path file) throws IOException {
			this.file = file;
			this.channel = FileChannel.open(file, StandardOpenOption.WRITE, StandardOpenOption.READ);
		}

		static Spool create() {
			try {
				return new Spool(Files.createTempFile("scb-stand-in-upload-", ".part"));
			}
			catch (IOException ex) {
				throw new UncheckedIOException("could not create a file for an upload in progress", ex);
			}
		}

		int count() {
			return this.segments.size();
		}

		void put(int index, byte[] content) {
			try {
				long offset = this.channel.size();
				ByteBuffer buffer = ByteBuffer.wrap(content);
				while (buffer.hasRemaining()) {
					this.channel.write(buffer, offset + buffer.position());
				}
				Segment segment = new Segment(offset, content.length);
				if (index == this.segments.size()) {
					this.segments.add(segment);
				}
				else {
					this.segments.set(index, segment);
				}
			}
			catch (IOException ex) {
				throw new UncheckedIOException("could not spool fragment " + index + " to " + this.file, ex);
			}
		}

		/**
		 * The fragments in index order: the spool itself when no index was sent twice.
		 */
		Path assemble() {
			try {
				if (isInOrder()) {
					this.channel.close();
					return this.file;
				}
				Path joined = Files.createTempFile("scb-stand-in-upload-", ".xml");
				try (FileChannel out = FileChannel.open(joined, StandardOpenOption.WRITE)) {
					for (Segment segment : this.segments) {
						long done = 0;
						while (done < segment.length()) {
							done += this.channel.transferTo(segment.offset() + done, segment.length() - done, out);
						}
					}
				}
				delete();
				return joined;
			}
			catch (IOException ex) {
				delete();
				throw new UncheckedIOException("could not assemble the upload spooled in " + this.file, ex);
			}
		}

		private boolean isInOrder() throws IOException {
			long next = 0;
			for (Segment segment : this.segments) {
				if (segment.offset() != next) {
					return false;
				}
				next += segment.length();
			}
			return next == this.channel.size();
		}

		void delete() {
			try {
				this.channel.close();
			}
			catch (IOException ex) {
				throw new UncheckedIOException("could not close the upload spooled in " + this.file, ex);
			}
			TemporaryFiles.delete(this.file);
		}

	}

}
