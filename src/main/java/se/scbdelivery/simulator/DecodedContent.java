package se.scbdelivery.simulator;

import java.nio.file.Path;
import java.util.List;

import org.jspecify.annotations.Nullable;

/**
 * A delivered file as decoded from its base64: in memory up to
 * {@link DecodingSink#IN_MEMORY_LIMIT} bytes, otherwise in a temporary file until
 * {@link #delete()}.
 *
 * @param sha256 the SHA-256 of the bytes, lower-case hex
 * @param bytes the bytes, or {@code null} when they are in {@code file}
 * @param file the temporary file holding the bytes, or {@code null} when they are in memory
 * @param failMarker whether the bytes contain {@link ContentScanner#FAIL_MARKER}
 * @param rowsWithSemicolon what {@link ContentScanner#rowsWithSemicolon()} found
 */
record DecodedContent(long size, String sha256, byte @Nullable [] bytes, @Nullable Path file, boolean failMarker,
		List<String> rowsWithSemicolon) {

	DecodedContent {
		rowsWithSemicolon = List.copyOf(rowsWithSemicolon);
	}

	/** Deletes the temporary file, if there is one. */
	void delete() {
		TemporaryFiles.delete(this.file);
	}

}
