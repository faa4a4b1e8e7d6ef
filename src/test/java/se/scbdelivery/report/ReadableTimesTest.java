package se.scbdelivery.report;

import java.time.Instant;
import java.time.ZoneId;
import java.time.ZoneOffset;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * SCB's {@code SubmissionDate} is Swedish local time without a zone: shown labelled, and
 * in the host's zone beside it, an hour apart in winter and two in summer on a UTC host.
 */
class ReadableTimesTest {

	@Test
	void aWinterSubmissionDateIsLabelledSwedishAndShownInUtcBesideIt() {
		assertThat(ReadableTimes.scbLocal("2026-12-06 21:45:50", ZoneId.of("UTC")))
			.isEqualTo("2026-12-06 21:45:50 Swedish time (2026-12-06 20:45:50 UTC)");
	}

	@Test
	void aSummerSubmissionDateIsTwoHoursAheadOfUtc() {
		assertThat(ReadableTimes.scbLocal("2026-07-01 12:00:00", ZoneId.of("UTC")))
			.isEqualTo("2026-07-01 12:00:00 Swedish time (2026-07-01 10:00:00 UTC)");
	}

	@Test
	void onAHostInSwedensZoneTheLabelIsEnough() {
		assertThat(ReadableTimes.scbLocal("2026-12-06 21:45:50", ZoneId.of("Europe/Stockholm")))
			.isEqualTo("2026-12-06 21:45:50 Swedish time");
	}

	@Test
	void aValueInAnotherFormIsShownAsScbSentItStillLabelled() {
		assertThat(ReadableTimes.scbLocal("2026-12-06T21:45:50.123", ZoneOffset.UTC))
			.isEqualTo("2026-12-06T21:45:50.123 (SCB's Swedish time)");
	}

	@Test
	void hostTimesNameTheirZone() {
		assertThat(ReadableTimes.SECONDS.withZone(ZoneId.of("UTC")).format(Instant.EPOCH))
			.isEqualTo("1970-01-01 00:00:00 UTC");
		assertThat(ReadableTimes.MINUTES.withZone(ZoneId.of("Europe/Stockholm")).format(Instant.EPOCH))
			.isEqualTo("1970-01-01 01:00 CET");
	}

}
