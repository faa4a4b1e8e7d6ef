package se.scbdelivery.cli;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;

import org.jspecify.annotations.Nullable;

/**
 * Reads a password from a file given on the command line; the password never appears in a
 * message.
 */
final class Secrets {

	private Secrets() {
	}

	static String read(@Nullable Path file, String option) {
		if (file == null) {
			throw new IllegalArgumentException(option + " is required with it");
		}
		try {
			return Files.readString(file).stripTrailing();
		}
		catch (IOException ex) {
			throw new IllegalArgumentException(
					option + " " + file + " cannot be read: " + ex.getClass().getSimpleName());
		}
	}

}
