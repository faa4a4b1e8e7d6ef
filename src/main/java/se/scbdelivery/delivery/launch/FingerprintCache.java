package se.scbdelivery.delivery.launch;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.BasicFileAttributes;
import java.nio.file.attribute.FileTime;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.function.Function;

import org.jspecify.annotations.Nullable;

import se.scbdelivery.delivery.FileFingerprint;

/**
 * The fingerprints this process has already computed, so a file is read once per delivery
 * and not again when the validate step re-checks what the launcher checked moments
 * before. An entry counts only while the file still has the size, modification time and
 * identity (inode) it had while it was hashed; a file that changed during its hashing is
 * not remembered.
 */
final class FingerprintCache {

	private static final int CAPACITY = 256;

	private final Map<Key, FileFingerprint> fingerprints = new LinkedHashMap<>(32, 0.75f, true) {
		@Override
		protected boolean removeEldestEntry(Map.Entry<Key, FileFingerprint> eldest) {
			return size() > CAPACITY;
		}
	};

	/**
	 * The file's fingerprint, from this cache when the file is unchanged, else from
	 * {@code compute}.
	 */
	FileFingerprint get(Path file, Function<Path, FileFingerprint> compute) {
		Key before = Key.of(file);
		if (before != null) {
			synchronized (this.fingerprints) {
				FileFingerprint known = this.fingerprints.get(before);
				if (known != null) {
					return known;
				}
			}
		}
		FileFingerprint computed = compute.apply(file);
		Key after = Key.of(file);
		if (before != null && before.equals(after) && before.size() == computed.size()) {
			synchronized (this.fingerprints) {
				this.fingerprints.put(after, computed);
			}
		}
		return computed;
	}

	private record Key(Path file, long size, FileTime modified, Object identity) {

		static @Nullable Key of(Path file) {
			try {
				BasicFileAttributes attributes = Files.readAttributes(file, BasicFileAttributes.class);
				Object identity = attributes.fileKey();
				return (identity == null) ? null : new Key(file.toAbsolutePath().normalize(), attributes.size(),
						attributes.lastModifiedTime(), identity);
			}
			catch (IOException ex) {
				return null; // the computation that follows reports what is wrong with
								// the file
			}
		}

	}

}
