package se.scbdelivery.testsupport;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.UUID;

import org.jspecify.annotations.Nullable;

/**
 * Report files for tests: well-formed XML of about a given size, unique content each
 * time.
 */
public final class TestFiles {

	private TestFiles() {
	}

	/**
	 * Writes an XML report of at least {@code size} bytes whose content is unique (so its
	 * SHA-256 is a new delivery), optionally telling the stand-in which final status to
	 * give.
	 */
	public static Path xml(Path dir, String name, int size, @Nullable String outcome) {
		StringBuilder xml = new StringBuilder("<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n");
		if (outcome != null) {
			xml.append("<?scb-simulator outcome=\"").append(outcome).append("\"?>\n");
		}
		xml.append("<Report id=\"").append(UUID.randomUUID()).append("\">\n");
		int row = 0;
		while (xml.length() < size) {
			xml.append("  <Holding n=\"")
				.append(row++)
				.append("\">värde ")
				.append(UUID.randomUUID())
				.append("</Holding>\n");
		}
		xml.append("</Report>\n");
		try {
			Files.createDirectories(dir);
			return Files.write(dir.resolve(name), xml.toString().getBytes(StandardCharsets.UTF_8));
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
	}

}
