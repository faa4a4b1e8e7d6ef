package se.scbdelivery.testsupport;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.stream.Collectors;

import se.scbdelivery.ScbDeliveryApplication;

/**
 * Runs the program in a JVM of its own, as an operator or a scheduler does: for what is set
 * up once per process (logging, shutdown hooks, the heap). The test classpath's MockServer
 * brings a second SLF4J provider, whose one-time warning lines are left out of stderr.
 */
public final class ChildJvm {

	private ChildJvm() {
	}

	public static CliResult run(Path dir, Duration timeout, List<String> jvmOptions, String... args)
			throws IOException, InterruptedException {
		return run(dir, timeout, jvmOptions, Map.of(), args);
	}

	/** Like {@link #run(Path, Duration, List, String...)}, with these environment variables added. */
	public static CliResult run(Path dir, Duration timeout, List<String> jvmOptions, Map<String, String> environment,
			String... args) throws IOException, InterruptedException {
		List<String> command = new ArrayList<>();
		command.add(Path.of(System.getProperty("java.home"), "bin", "java").toString());
		command.addAll(jvmOptions);
		command.addAll(List.of("-cp", System.getProperty("java.class.path"), ScbDeliveryApplication.class.getName()));
		command.addAll(List.of(args));
		Path out = Files.createTempFile(dir, "out-", ".txt");
		Path err = Files.createTempFile(dir, "err-", ".txt");
		ProcessBuilder builder = new ProcessBuilder(command).directory(dir.toFile())
			.redirectOutput(out.toFile())
			.redirectError(err.toFile());
		builder.environment().putAll(environment);
		Process process = builder.start();
		if (!process.waitFor(timeout.toSeconds(), TimeUnit.SECONDS)) {
			process.destroyForcibly();
			throw new IllegalStateException("the program did not finish within " + timeout + ": " + args[0]);
		}
		String stderr = Files.readAllLines(err, StandardCharsets.UTF_8)
			.stream()
			.filter((line) -> !line.startsWith("SLF4J("))
			.collect(Collectors.joining("\n", "", "\n"));
		return new CliResult(process.exitValue(), Files.readString(out, StandardCharsets.UTF_8), stderr);
	}

}
