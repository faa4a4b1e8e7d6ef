package se.scbdelivery.testsupport;

import java.io.File;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;

import org.jspecify.annotations.Nullable;
import org.junit.jupiter.api.Assumptions;

import static org.junit.jupiter.api.Assertions.fail;

/**
 * The programs some tests run (Chromium, promtool, the Pushgateway, kubectl): found, run
 * to their end, or missing. A missing one skips the test with how to install it, except
 * under {@code CI=true}, where {@code .ci/run} provides it and its absence fails the
 * test: a skipped test must never pass for a checked one.
 */
public final class ExternalPrograms {

	private ExternalPrograms() {
	}

	/**
	 * Returns when {@code present}; otherwise skips the test, or fails it under CI.
	 * @param missing what is missing, e.g. "promtool is not on the PATH"
	 * @param install how to get it, e.g. "apt-get install prometheus"
	 */
	public static void require(boolean present, String missing, String install) {
		if (present) {
			return;
		}
		if ("true".equals(System.getenv("CI"))) {
			fail(missing + " under CI, where .ci/run or the machine must provide it (" + install + ")");
		}
		Assumptions.abort(missing + "; " + install);
	}

	/** The executable of that name on the {@code PATH}, or null. */
	public static @Nullable Path onPath(String command) {
		String path = Objects.requireNonNullElse(System.getenv("PATH"), "");
		return Stream.of(path.split(File.pathSeparator))
			.filter((dir) -> !dir.isEmpty())
			.map((dir) -> Path.of(dir, command))
			.filter(Files::isExecutable)
			.findFirst()
			.orElse(null);
	}

	/**
	 * Runs the command to its end, its output and errors in files rather than pipes (a
	 * long output can never block on a full pipe).
	 * @throws IllegalStateException when it does not end within {@code timeout} (it is
	 * killed then), with what it wrote to stderr
	 */
	public static Outcome run(Duration timeout, List<String> command) throws IOException {
		Path stdout = Files.createTempFile("program", ".out");
		Path stderr = Files.createTempFile("program", ".err");
		String line = String.join(" ", command);
		try {
			Process process = new ProcessBuilder(new ArrayList<>(command)).redirectOutput(stdout.toFile())
				.redirectError(stderr.toFile())
				.start();
			try {
				if (!process.waitFor(timeout.toMillis(), TimeUnit.MILLISECONDS)) {
					process.destroyForcibly();
					throw new IllegalStateException(
							line + " did not finish within " + timeout.toSeconds() + " s: " + Files.readString(stderr));
				}
			}
			catch (InterruptedException ex) {
				process.destroyForcibly();
				Thread.currentThread().interrupt();
				throw new IllegalStateException(line + " was interrupted", ex);
			}
			return new Outcome(process.exitValue(), Files.readString(stdout), Files.readString(stderr));
		}
		finally {
			Files.deleteIfExists(stdout);
			Files.deleteIfExists(stderr);
		}
	}

	/** How a program ended and what it wrote. */
	public record Outcome(int exitCode, String out, String err) {

		/** Both, as a person reads them when a check fails. */
		public String output() {
			return this.err.isEmpty() ? this.out : this.out + this.err;
		}

	}

}
