package se.scbdelivery.config;

import java.util.List;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;

import ch.qos.logback.classic.Level;
import ch.qos.logback.classic.spi.ILoggingEvent;
import ch.qos.logback.core.filter.Filter;
import ch.qos.logback.core.spi.FilterReply;
import org.slf4j.Marker;
import org.slf4j.MarkerFactory;

/**
 * What reaches the console: this program's own messages from INFO up, and warnings or
 * errors from libraries, except Spring Batch's step failures, Reactor Netty's connection
 * errors, Flyway's notes, and the connection pool's and the transactions' complaints of a
 * database that went away ("Application exception overridden by rollback exception"),
 * which the program reports itself in one line. Events marked {@link #FILE_ONLY} (full
 * failure details) go to the log file alone; events marked {@link #ONCE} reach the
 * console the first time their message appears.
 */
public class ConsoleLogFilter extends Filter<ILoggingEvent> {

	private static final String CONTEXT_FAILED = "Exception encountered during context initialization";

	/** Marks an event meant for the log file only. */
	public static final Marker FILE_ONLY = MarkerFactory.getMarker("FILE_ONLY");

	/**
	 * Marks an event the console shows once per process, the first time its message
	 * appears; the log file has every one.
	 */
	public static final Marker ONCE = MarkerFactory.getMarker("ONCE_ON_CONSOLE");

	/** The loggers of this program, whose messages say their cause themselves. */
	static final String OWN_LOGGERS = "se.scbdelivery.";

	private final Set<String> shownOnce = ConcurrentHashMap.newKeySet();

	@Override
	public FilterReply decide(ILoggingEvent event) {
		List<Marker> markers = event.getMarkerList();
		if (markers != null && markers.contains(FILE_ONLY)) {
			return FilterReply.DENY;
		}
		if (markers != null && markers.contains(ONCE) && !this.shownOnce.add(event.getFormattedMessage())) {
			return FilterReply.DENY;
		}
		String logger = event.getLoggerName();
		if (logger.startsWith(OWN_LOGGERS)) {
			return event.getLevel().isGreaterOrEqual(Level.INFO) ? FilterReply.NEUTRAL : FilterReply.DENY;
		}
		if (logger.startsWith("org.springframework.batch.") || logger.startsWith("reactor.netty.")
				|| logger.startsWith("com.zaxxer.hikari.") || logger.startsWith("org.springframework.transaction.")) {
			return FilterReply.DENY;
		}
		// Flyway warns at every start that H2 is newer than it was verified with; a
		// failed migration stops the start, and that is reported
		if (logger.startsWith("org.flywaydb.")) {
			return FilterReply.DENY;
		}
		// a start that failed is reported once, by the program or by Boot
		if (event.getMessage() != null && event.getMessage().startsWith(CONTEXT_FAILED)) {
			return FilterReply.DENY;
		}
		return event.getLevel().isGreaterOrEqual(Level.WARN) ? FilterReply.NEUTRAL : FilterReply.DENY;
	}

}
