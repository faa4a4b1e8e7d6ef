package se.scbdelivery.testsupport;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URISyntaxException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDateTime;
import java.time.format.DateTimeFormatter;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * Folders under {@code target/test-output/} for what a test run writes that a person may
 * want to read afterwards: the product's log files, and the stdout and stderr of child
 * JVMs. Never the working tree's {@code logs/}: a test that runs the product gives it a
 * log file here (through {@link ProductSettings}). Each folder is new:
 * {@code <test class>/<run>-<n>}, where the run is the test JVM's start time, so the
 * folders of earlier runs stay until {@code mvn clean}.
 */
public final class TestOutput {

	private static final Path TARGET = targetFolder();

	private static final String RUN = LocalDateTime.now().format(DateTimeFormatter.ofPattern("yyyyMMdd-HHmmss"));

	private static final AtomicInteger FOLDERS = new AtomicInteger();

	private TestOutput() {
	}

	/**
	 * The build's {@code target/} folder: where the test classes were loaded from, one
	 * level up.
	 */
	public static Path target() {
		return TARGET;
	}

	/** A new, empty folder {@code target/test-output/<test class>/<run>-<n>}. */
	public static Path newFolder(Class<?> test) {
		Path folder = TARGET.resolve("test-output")
			.resolve(test.getSimpleName())
			.resolve(RUN + "-" + FOLDERS.incrementAndGet());
		try {
			return Files.createDirectories(folder);
		}
		catch (IOException ex) {
			throw new UncheckedIOException("cannot create the test output folder " + folder, ex);
		}
	}

	private static Path targetFolder() {
		try {
			Path classes = Path.of(TestOutput.class.getProtectionDomain().getCodeSource().getLocation().toURI());
			if (Files.isDirectory(classes) && classes.getParent() != null
					&& classes.getFileName().toString().equals("test-classes")) {
				return classes.getParent();
			}
		}
		catch (URISyntaxException | SecurityException | NullPointerException ex) {
			// not loaded from target/test-classes: fall back to the working directory's
			// target/
		}
		return Path.of("target").toAbsolutePath();
	}

}
