package se.scbdelivery.cli;

import java.util.Optional;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import picocli.CommandLine;
import picocli.CommandLine.IExecutionExceptionHandler;
import picocli.CommandLine.ParseResult;

import org.springframework.beans.factory.BeanCreationException;

import se.scbdelivery.config.ConsoleLogFilter;
import se.scbdelivery.delivery.ExplainedFailureException;
import se.scbdelivery.delivery.InvalidDeliveryInputException;
import se.scbdelivery.delivery.launch.ExecutionStillRunningException;
import se.scbdelivery.repository.RepositoryOutages;
import se.scbdelivery.scb.http.ScbCallException;

/**
 * The one place where a failed command becomes an exit code and one line on stderr. The
 * full detail, stack trace included, goes to the log file, never to the console.
 */
class CliExceptionHandler implements IExecutionExceptionHandler {

	private static final Logger logger = LoggerFactory.getLogger(CliExceptionHandler.class);

	@Override
	public int handleExecutionException(Exception ex, CommandLine commandLine, ParseResult parseResult) {
		Exception failure = unwrap(ex);
		int exitCode = exitCode(failure);
		logger.error(ConsoleLogFilter.FILE_ONLY, "{} failed (exit {})", commandLine.getCommandName(), exitCode, ex);
		commandLine.getErr().println("error: " + message(failure));
		if (exitCode == ExitCodes.INVALID_INPUT) {
			commandLine.getErr().println(UsageErrors.hint(commandLine));
		}
		commandLine.getErr().flush();
		return exitCode;
	}

	/**
	 * The failure inside Spring's {@link BeanCreationException}: SCB's clients are beans
	 * built on their first call, so a setting that stops one being built (a trust store
	 * that cannot be opened, a base URL without its final {@code /}) arrives wrapped in
	 * one.
	 */
	private static Exception unwrap(Exception ex) {
		if (ex instanceof BeanCreationException wrapper && wrapper.getMostSpecificCause() instanceof Exception cause) {
			return cause;
		}
		return ex;
	}

	static int exitCode(Exception ex) {
		if (ex instanceof InvalidDeliveryInputException || ex instanceof IllegalArgumentException) {
			return ExitCodes.INVALID_INPUT;
		}
		return ExitCodes.TECHNICAL_FAILURE;
	}

	private static String message(Exception ex) {
		Optional<String> outage = RepositoryOutages.explain(ex);
		if (outage.isPresent()) {
			return outage.get();
		}
		String message = ex.getMessage();
		if (message != null && (ex instanceof InvalidDeliveryInputException || ex instanceof IllegalArgumentException
				|| ex instanceof ExecutionStillRunningException || ex instanceof ExplainedFailureException
				|| ex instanceof ScbCallException)) {
			return message;
		}
		return ex.getClass().getSimpleName() + ": " + message + " (the log has the details)";
	}

}
