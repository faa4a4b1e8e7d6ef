package se.scbdelivery.cli;

import java.io.PrintStream;
import java.sql.SQLException;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import org.springframework.boot.SpringBootExceptionReporter;

import se.scbdelivery.config.ConsoleLogFilter;
import se.scbdelivery.config.InvalidSettingException;
import se.scbdelivery.repository.RepositoryOutages;
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
		if (RepositoryOutages.isUnreachable(failure)) {
			logger.error(ConsoleLogFilter.FILE_ONLY, "The program did not start (exit {})", ExitCodes.TECHNICAL_FAILURE,
					failure);
			System.err.println("error: " + unreachable(failure));
			System.err.flush();
			return true;
		}
		if (!refused(failure)) {
			return false;
		}
		logger.error(ConsoleLogFilter.FILE_ONLY, "The program did not start (exit {})", ExitCodes.INVALID_INPUT,
				failure);
		PrintStream err = System.err;
		err.println("error: " + failure.getMessage());
		err.flush();
		return true;
	}

	/**
	 * The exit code of a start that failed.
	 * @throws RuntimeException the failure itself, unless it is one of the refusals
	 * reported here
	 */
	public static int exitCode(RuntimeException failure) {
		if (refused(failure)) {
			return ExitCodes.INVALID_INPUT;
		}
		if (RepositoryOutages.isUnreachable(failure)) {
			return ExitCodes.TECHNICAL_FAILURE;
		}
		throw failure;
	}

	private static boolean refused(Throwable failure) {
		return failure instanceof UnsafeJobRepositoryUrlException || failure instanceof InvalidSettingException;
	}

	/**
	 * The database's own words, which name the host and port it tried: a wrong URL and a
	 * database that is down look alike from here.
	 */
	private static String unreachable(Throwable failure) {
		String words = null;
		boolean credentials = false;
		for (Throwable cause : RepositoryOutages.causes(failure)) {
			if (cause instanceof SQLException sql && cause.getMessage() != null
					&& !cause.getMessage().startsWith("the job repository")) {
				words = cause.getMessage();
				// SQL state class 28, invalid authorization: H2's 28000, PostgreSQL's
				// 28P01
				credentials = sql.getSQLState() != null && sql.getSQLState().startsWith("28");
			}
		}
		if (credentials) {
			return "the job repository refused the user name or password (" + words
					+ "): check spring.datasource.username and spring.datasource.password (or the file that holds it)"
					+ "; nothing was sent";
		}
		return "the job repository cannot be reached" + ((words != null) ? " (" + words + ")" : "")
				+ ": check spring.datasource.url, and that the database is up; nothing was sent";
	}

}
