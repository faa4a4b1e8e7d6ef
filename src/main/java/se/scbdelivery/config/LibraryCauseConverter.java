package se.scbdelivery.config;

import ch.qos.logback.classic.pattern.ClassicConverter;
import ch.qos.logback.classic.spi.ILoggingEvent;
import ch.qos.logback.classic.spi.IThrowableProxy;

/**
 * Appends a library's exception message to its warning or error on the console, as the
 * console shows no stack traces. "Unexpected exception thrown by PUT of metrics to
 * Prometheus Pushgateway" alone gives an operator nothing to act on; its exception's
 * "Failed to push metrics to the Prometheus Pushgateway on http://…: Connection refused"
 * does. The program's own messages already say their cause, and the log file keeps the
 * whole stack trace.
 */
public class LibraryCauseConverter extends ClassicConverter {

	@Override
	public String convert(ILoggingEvent event) {
		IThrowableProxy thrown = event.getThrowableProxy();
		if (thrown == null || event.getLoggerName().startsWith(ConsoleLogFilter.OWN_LOGGERS)) {
			return "";
		}
		String message = thrown.getMessage();
		if (message == null || message.isBlank()) {
			return ": " + thrown.getClassName();
		}
		String firstLine = message.lines().findFirst().orElse(message).strip();
		String said = event.getFormattedMessage();
		return (said != null && said.contains(firstLine)) ? "" : ": " + firstLine;
	}

}
