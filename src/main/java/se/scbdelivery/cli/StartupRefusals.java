package se.scbdelivery.cli;

import java.io.PrintStream;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import org.springframework.boot.SpringBootExceptionReporter;

import se.scbdelivery.config.ConsoleLogFilter;
import se.scbdelivery.repository.UnsafeJobRepositoryUrlException;

/**
 * Settings the program refuses before the application has started, reported as a refused
 * command is ({@link CliExceptionHandler}): one line {@code error: ...} on stderr, the
 * detail in the log file, exit 2. Spring Boot hands a failed start to this reporter
 * (registered in {@code META-INF/spring.factories}) before it would log its own
 * multi-line report of it.
 */
public final class StartupRefusals implements SpringBootExceptionReporter {

	private static final Logger logger = LoggerFactory.getLogger(StartupRefusals.class);

	@Override
	public boolean reportException(Throwable failure) {
		if (!(failure instanceof UnsafeJobRepositoryUrlException refused)) {
			return false;
		}
		logger.error(ConsoleLogFilter.FILE_ONLY, "The program did not start (exit {})", ExitCodes.INVALID_INPUT,
				failure);
		PrintStream err = System.err;
		err.println("error: " + refused.getMessage());
		err.flush();
		return true;
	}

	/**
	 * The exit code of a start that failed.
	 * @throws RuntimeException the failure itself, unless it is one of the refusals
	 * reported here
	 */
	public static int exitCode(RuntimeException failure) {
		if (failure instanceof UnsafeJobRepositoryUrlException) {
			return ExitCodes.INVALID_INPUT;
		}
		throw failure;
	}

}
