package se.scbdelivery.simulator.server;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;

import org.jspecify.annotations.Nullable;

/**
 * The stand-in's temporary files: what it was sent, kept on disk rather than in memory.
 */
public final class TemporaryFiles {

	private TemporaryFiles() {
	}

	/** Deletes the file if there is one; a file already gone is fine. */
	public static void delete(@Nullable Path file) {
		if (file == null) {
			return;
		}
		try {
			Files.deleteIfExists(file);
		}
		catch (IOException ex) {
			throw new UncheckedIOException("could not delete the stand-in's temporary file " + file, ex);
		}
	}

}
