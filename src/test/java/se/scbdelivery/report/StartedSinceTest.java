package se.scbdelivery.report;

import java.time.Clock;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZoneOffset;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;

/**
 * {@code list --since}: dates in the given zone, date-times, and durations back from now.
 */
class StartedSinceTest {

	private static final Clock NOW = Clock.fixed(Instant.parse("2026-11-23T12:00:00Z"), ZoneOffset.UTC);

	private static final ZoneId STOCKHOLM = ZoneId.of("Europe/Stockholm");

	@ParameterizedTest(name = "{0} -> {1}")
	@CsvSource({ "2026-11-01, 2026-10-31T23:00:00Z", "2026-11-01T08:00, 2026-11-01T07:00:00Z",
			"2026-11-01T08:00:00Z, 2026-11-01T08:00:00Z", "2026-11-01T08:00+02:00, 2026-11-01T06:00:00Z",
			"24h, 2026-11-22T12:00:00Z", "7d, 2026-11-16T12:00:00Z", "PT30M, 2026-11-23T11:30:00Z" })
	void readsEachAcceptedForm(String text, Instant expected) {
		assertThat(StartedSince.parse(text, NOW, STOCKHOLM)).isEqualTo(expected);
	}

	@ParameterizedTest
	@ValueSource(strings = { "yesterday", "-1h", "2026-13-01", "2026-11-01T25:00", "" })
	void rejectsAnythingElseNamingTheAcceptedForms(String text) {
		assertThatIllegalArgumentException().isThrownBy(() -> StartedSince.parse(text, NOW, STOCKHOLM))
			.withMessageStartingWith("--since '" + text + "' must be a date (2026-11-01)")
			.withMessageContaining("24h, 7d, PT30M");
	}

}
