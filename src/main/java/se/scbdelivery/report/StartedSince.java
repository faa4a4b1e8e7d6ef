package se.scbdelivery.report;

import java.time.Clock;
import java.time.DateTimeException;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.OffsetDateTime;
import java.time.ZoneId;
import java.util.Optional;

import org.springframework.boot.convert.DurationStyle;

/** Reads {@code list --since}: the earliest start of an execution to show. */
public final class StartedSince {

	private StartedSince() {
	}

	/**
	 * Reads a date ({@code 2026-11-01}: that day's start in {@code zone}), a date-time
	 * with an offset ({@code 2026-11-01T08:00Z}) or without one (in {@code zone}), or a
	 * duration back from now ({@code 24h}, {@code 7d}, {@code PT30M}).
	 * @throws IllegalArgumentException naming the text and the accepted forms
	 */
	public static Instant parse(String text, Clock clock, ZoneId zone) {
		String trimmed = text.trim();
		try {
			if (trimmed.matches("\\d{4}-\\d{2}-\\d{2}")) {
				return LocalDate.parse(trimmed).atStartOfDay(zone).toInstant();
			}
			if (trimmed.matches("\\d{4}-\\d{2}-\\d{2}T.*")) {
				return trimmed.matches(".*(Z|[+-]\\d{2}:?\\d{2})$") ? OffsetDateTime.parse(trimmed).toInstant()
						: LocalDateTime.parse(trimmed).atZone(zone).toInstant();
			}
			Optional<Duration> back = duration(trimmed).filter((d) -> !d.isNegative());
			if (back.isPresent()) {
				return clock.instant().minus(back.get());
			}
		}
		catch (DateTimeException | IllegalArgumentException ex) {
			// falls through to the one message that lists every accepted form
		}
		throw new IllegalArgumentException("--since '" + text + "' must be a date (2026-11-01), a date-time "
				+ "(2026-11-01T08:00, 2026-11-01T08:00+01:00) or a duration back from now (24h, 7d, PT30M)");
	}

	/**
	 * Reads a duration as {@code --since} takes one: {@code 24h}, {@code 7d},
	 * {@code PT30M}; a number without a unit is milliseconds. Empty for text that is no
	 * duration; the sign is the caller's to judge.
	 */
	public static Optional<Duration> duration(String text) {
		try {
			return Optional.of(DurationStyle.detectAndParse(text.trim()));
		}
		catch (IllegalArgumentException | ArithmeticException ex) {
			return Optional.empty();
		}
	}

}
