package se.scbdelivery.cli;

import java.io.PrintWriter;
import java.nio.charset.StandardCharsets;

import org.springframework.boot.CommandLineRunner;
import org.springframework.boot.ExitCodeGenerator;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.stereotype.Component;

import se.scbdelivery.delivery.launch.RunningExecutions;

/**
 * Runs the command line once the application has started, and hands back its exit code.
 */
@Component
@ConditionalOnProperty(name = "scb.cli.enabled", havingValue = "true", matchIfMissing = true)
class CliRunner implements CommandLineRunner, ExitCodeGenerator {

	private final ScbCommandLine commandLine;

	private final RunningExecutions running;

	private int exitCode;

	CliRunner(ScbCommandLine commandLine, RunningExecutions running) {
		this.commandLine = commandLine;
		this.running = running;
	}

	@Override
	public void run(String... args) {
		try {
			this.exitCode = this.commandLine.execute(args, new PrintWriter(System.out, true, StandardCharsets.UTF_8),
					new PrintWriter(System.err, true, StandardCharsets.UTF_8));
		}
		finally {
			this.running.commandFinished();
		}
	}

	@Override
	public int getExitCode() {
		return this.exitCode;
	}

}
