package se.scbdelivery.delivery.launch;

import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.function.Function;

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

	private final Map<FileStamp, FileFingerprint> fingerprints = new LinkedHashMap<>(32, 0.75f, true) {
		@Override
		protected boolean removeEldestEntry(Map.Entry<FileStamp, FileFingerprint> eldest) {
			return size() > CAPACITY;
		}
	};

	/**
	 * The file's fingerprint, from this cache when the file is unchanged, else from
	 * {@code compute}.
	 */
	FileFingerprint get(Path file, Function<Path, FileFingerprint> compute) {
		FileStamp before = FileStamp.of(file);
		if (before != null) {
			synchronized (this.fingerprints) {
				FileFingerprint known = this.fingerprints.get(before);
				if (known != null) {
					return known;
				}
			}
		}
		FileFingerprint computed = compute.apply(file);
		FileStamp after = FileStamp.of(file);
		if (before != null && before.equals(after) && before.size() == computed.size()) {
			synchronized (this.fingerprints) {
				this.fingerprints.put(after, computed);
			}
		}
		return computed;
	}

}
