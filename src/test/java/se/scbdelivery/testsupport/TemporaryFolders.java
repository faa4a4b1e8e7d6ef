package se.scbdelivery.testsupport;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Comparator;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.stream.Stream;

/**
 * Temporary folders that live as long as the test JVM, for what outlives one test
 * instance (a cached Spring context's job repository, the classpath copy for another
 * user), deleted when the JVM ends. A folder for one test is a JUnit {@code @TempDir}.
 */
final class TemporaryFolders {

	private static final List<Path> FOLDERS = new CopyOnWriteArrayList<>();

	static {
		Runtime.getRuntime().addShutdownHook(new Thread(() -> FOLDERS.forEach(TemporaryFolders::delete)));
	}

	private TemporaryFolders() {
	}

	static Path create(String prefix) {
		try {
			Path folder = Files.createTempDirectory(prefix);
			FOLDERS.add(folder);
			return folder;
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
	}

	/**
	 * As much of the tree as can go: a file a process still writes may come back, and
	 * that is all right.
	 */
	private static void delete(Path folder) {
		try (Stream<Path> paths = Files.walk(folder)) {
			paths.sorted(Comparator.reverseOrder()).forEach((path) -> path.toFile().delete());
		}
		catch (IOException | UncheckedIOException ex) {
			// the JVM is ending: a folder left behind is all that can go wrong
		}
	}

}
