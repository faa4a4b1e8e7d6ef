package se.scbdelivery.testsupport;

import java.io.PrintWriter;
import java.io.StringWriter;

import se.scbdelivery.cli.ScbCommandLine;

/**
 * Runs one command in the Spring context of the test JVM ({@link ProductContextTest}):
 * the context's own command line, the job repository and HTTP clients it holds, and what
 * the command printed on its two streams. Fast (no Spring Boot start per command), and
 * the test can reach the context's beans between commands. For what is set up once per
 * process, use {@link InProcessCli} or {@link ChildJvm}.
 */
public final class InContextCli {

	private InContextCli() {
	}

	public static CliResult run(ScbCommandLine commandLine, String... args) {
		StringWriter out = new StringWriter();
		StringWriter err = new StringWriter();
		int exitCode = commandLine.execute(args, new PrintWriter(out), new PrintWriter(err));
		return new CliResult(exitCode, out.toString(), err.toString());
	}

}
