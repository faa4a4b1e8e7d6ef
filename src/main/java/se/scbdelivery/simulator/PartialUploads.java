package se.scbdelivery.simulator;

import java.io.ByteArrayOutputStream;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import org.jspecify.annotations.Nullable;

import se.scbdelivery.scb.gdb.UploadTarget;

/**
 * Uploads in progress: the fragments received so far for each target (and, when uploads do
 * not survive a new session, each session). Fragments arrive in order, each index at most one
 * past the highest so far; a repeated index replaces its bytes, as SCB keeps the latest copy.
 */
final class PartialUploads {

	private final boolean surviveNewSession;

	private final Map<Key, List<byte[]>> uploads = new HashMap<>();

	/** A fragment arrived out of order; the message says which index is expected. */
	static final class OutOfOrderException extends Exception {

		OutOfOrderException(String message) {
			super(message);
		}

	}

	private record Key(UploadTarget target, @Nullable String sessionId) {

	}

	PartialUploads(boolean surviveNewSession) {
		this.surviveNewSession = surviveNewSession;
	}

	synchronized void put(UploadTarget target, String sessionId, int index, byte[] content)
			throws OutOfOrderException {
		Key key = key(target, sessionId);
		List<byte[]> fragments = this.uploads.get(key);
		if (fragments == null) {
			if (index > 0) {
				throw new OutOfOrderException(
						"no upload in progress for this file in this session; start at fragment 0");
			}
			fragments = new ArrayList<>();
			this.uploads.put(key, fragments);
		}
		if (index > fragments.size()) {
			throw new OutOfOrderException("fragment " + index + " leaves a gap: fragments 0.." + (fragments.size() - 1)
					+ " have arrived, so the next is " + fragments.size());
		}
		if (index == fragments.size()) {
			fragments.add(content);
		}
		else {
			fragments.set(index, content);
		}
	}

	/** Removes the upload and returns its fragments joined in index order, or {@code null} when there is none. */
	synchronized byte @Nullable [] take(UploadTarget target, String sessionId) {
		List<byte[]> fragments = this.uploads.remove(key(target, sessionId));
		if (fragments == null) {
			return null;
		}
		ByteArrayOutputStream joined = new ByteArrayOutputStream();
		fragments.forEach(joined::writeBytes);
		return joined.toByteArray();
	}

	synchronized void clear() {
		this.uploads.clear();
	}

	private Key key(UploadTarget target, String sessionId) {
		return new Key(target, this.surviveNewSession ? null : sessionId);
	}

}
