package se.scbdelivery.cli;

import java.io.PrintWriter;
import java.nio.charset.StandardCharsets;
import java.time.Duration;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import org.springframework.boot.CommandLineRunner;
import org.springframework.boot.ExitCodeGenerator;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.stereotype.Component;

import se.scbdelivery.config.ConsoleLogFilter;

import se.scbdelivery.delivery.launch.RunningExecutions;

/**
 * Runs the command line once the application has started, and hands back its exit code.
 */
@Component
@ConditionalOnProperty(name = "scb.cli.enabled", havingValue = "true", matchIfMissing = true)
class CliRunner implements CommandLineRunner, ExitCodeGenerator {

	private static final Logger logger = LoggerFactory.getLogger(CliRunner.class);

	private final ScbCommandLine commandLine;

	private final RunningExecutions running;

	private int exitCode;

	CliRunner(ScbCommandLine commandLine, RunningExecutions running) {
		this.commandLine = commandLine;
		this.running = running;
	}

	@Override
	public void run(String... args) {
		long started = System.nanoTime();
		try {
			this.exitCode = this.commandLine.execute(args, new PrintWriter(System.out, true, StandardCharsets.UTF_8),
					new PrintWriter(System.err, true, StandardCharsets.UTF_8));
		}
		finally {
			this.running.commandFinished();
			// the command's own time, without the JVM's and Spring's start: what a
			// growing job repository would slow down (bench/run.sh reads it)
			logger.info(ConsoleLogFilter.FILE_ONLY, "Command {} ended with exit code {} after {} ms of its own",
					(args.length > 0) ? args[0] : "(none)", this.exitCode,
					Duration.ofNanos(System.nanoTime() - started).toMillis());
		}
	}

	@Override
	public int getExitCode() {
		return this.exitCode;
	}

}
