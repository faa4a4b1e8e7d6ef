package se.scbdelivery.testsupport;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.regex.Pattern;

import se.scbdelivery.ScbDeliveryApplication;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Runs one command through the real entry point, {@link ScbDeliveryApplication#run}, as
 * {@code java -jar} would (a full Spring Boot start per call), and captures what it
 * printed on stdout and stderr. A run that names no log file logs under
 * {@code target/test-output/}, never to the working tree's {@code logs/}.
 */
public final class InProcessCli {

	private static final Pattern EXCEPTION_CLASS = Pattern.compile("\\b[A-Z]\\w*Exception\\b");

	private static final String LOG_FILE = "--logging.file.name=";

	private InProcessCli() {
	}

	/** The command with these settings after it. */
	public static CliResult run(ProductSettings settings, String... command) {
		return run(settings.commandLine(command));
	}

	public static synchronized CliResult run(String... args) {
		PrintStream originalOut = System.out;
		PrintStream originalErr = System.err;
		ByteArrayOutputStream out = new ByteArrayOutputStream();
		ByteArrayOutputStream err = new ByteArrayOutputStream();
		System.setOut(new PrintStream(out, true, StandardCharsets.UTF_8));
		System.setErr(new PrintStream(err, true, StandardCharsets.UTF_8));
		int exitCode;
		try {
			exitCode = ScbDeliveryApplication.run(withBootHooks(withLogFile(args)));
		}
		finally {
			System.out.flush();
			System.err.flush();
			System.setOut(originalOut);
			System.setErr(originalErr);
		}
		CliResult result = new CliResult(exitCode, out.toString(StandardCharsets.UTF_8),
				err.toString(StandardCharsets.UTF_8));
		// keep the console output in the surefire report, for when an assertion fails
		originalOut.println("$ " + String.join(" ", args) + "\n" + result);
		return result;
	}

	/**
	 * The program turns Boot's shutdown hooks off (its own graceful stop needs the
	 * database and the log alive). A JVM that runs the program many times over, as this
	 * one does, needs them on: without them Boot does not set logging up afresh for the
	 * next run.
	 */
	private static String[] withBootHooks(String[] args) {
		String[] all = Arrays.copyOf(args, args.length + 2);
		all[args.length] = "--spring.main.register-shutdown-hook=true";
		all[args.length + 1] = "--logging.register-shutdown-hook=true";
		return all;
	}

	private static String[] withLogFile(String[] args) {
		if (Arrays.stream(args).anyMatch((arg) -> arg.startsWith(LOG_FILE))) {
			return args;
		}
		List<String> all = new ArrayList<>(List.of(args));
		all.add(LOG_FILE + TestOutput.newFolder(InProcessCli.class).resolve("scb-delivery.log"));
		return all.toArray(String[]::new);
	}

	/**
	 * Neither stream shows a stack trace or a Java exception class: a person reads them.
	 */
	public static void assertNoJavaInternals(CliResult result) {
		assertThat(result.out() + result.err()).as(result.toString())
			.doesNotContain("\tat ")
			.doesNotContainPattern(EXCEPTION_CLASS);
	}

	/** The first line on stderr, which is the one the error handler writes. */
	public static String firstErrorLine(CliResult result) {
		return result.err()
			.lines()
			.filter((line) -> line.startsWith("error: "))
			.findFirst()
			.orElseThrow(() -> new AssertionError("no 'error: ' line on stderr in " + result));
	}

}
