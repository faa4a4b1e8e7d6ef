package se.scbdelivery.report;

import java.time.LocalDateTime;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.util.Locale;

/**
 * Times as a person reads them: in this host's zone, the zone named ({@code UTC},
 * {@code CET}), so that SCB's Swedish time printed beside them is never taken for the
 * same clock.
 */
final class ReadableTimes {

	static final DateTimeFormatter SECONDS = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm:ss z", Locale.ROOT)
		.withZone(ZoneId.systemDefault());

	static final DateTimeFormatter MINUTES = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm z", Locale.ROOT)
		.withZone(ZoneId.systemDefault());

	/** SCB's clock: GDB's {@code SubmissionDate} is Swedish local time without a zone. */
	private static final ZoneId SWEDEN = ZoneId.of("Europe/Stockholm");

	private static final DateTimeFormatter SCB_LOCAL = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm:ss", Locale.ROOT);

	private ReadableTimes() {
	}

	/**
	 * GDB's {@code SubmissionDate} labelled as Swedish time, and in this host's zone
	 * beside it when the zones differ: {@code 2026-12-06 21:45:50 Swedish time
	 * (2026-12-06 20:45:50 UTC)}. A value in another form is shown as SCB sent it, still
	 * labelled.
	 */
	static String scbLocal(String submissionDate) {
		return scbLocal(submissionDate, ZoneId.systemDefault());
	}

	static String scbLocal(String submissionDate, ZoneId host) {
		try {
			LocalDateTime local = LocalDateTime.parse(submissionDate.trim(), SCB_LOCAL);
			String swedish = SCB_LOCAL.format(local) + " Swedish time";
			return SWEDEN.getRules().equals(host.getRules()) ? swedish
					: swedish + " (" + SECONDS.withZone(host).format(local.atZone(SWEDEN)) + ")";
		}
		catch (DateTimeParseException ex) {
			return submissionDate + " (SCB's Swedish time)";
		}
	}

}
