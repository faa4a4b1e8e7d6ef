package se.scbdelivery.simulator.generic;

import java.util.List;

import se.scbdelivery.simulator.server.ReceivedFile;

/**
 * A delivered file as decoded from its base64.
 *
 * @param sha256 the SHA-256 of the bytes, lower-case hex
 * @param file the bytes, in memory or, when large, in a temporary file until
 * {@link #delete()}
 * @param failMarker whether the bytes contain {@link GenericContentScanner#FAIL_MARKER}
 * @param rowsWithSemicolon what {@link GenericContentScanner#rowsWithSemicolon()} found
 */
record GenericDecodedContent(String sha256, ReceivedFile file, boolean failMarker, List<String> rowsWithSemicolon) {

	GenericDecodedContent {
		rowsWithSemicolon = List.copyOf(rowsWithSemicolon);
	}

	/** Deletes the temporary file, if there is one. */
	void delete() {
		this.file.delete();
	}

}
