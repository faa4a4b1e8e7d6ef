package se.scbdelivery.delivery.launch;

import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * What a second run is told while a live process holds the delivery: when to run again,
 * in this machine's local time, never too early.
 */
class LeaseHeldMessageTest {

	private static final Path FILE = Path.of("/inbox/vinn.xml");

	private static final ZoneId STOCKHOLM = ZoneId.of("Europe/Stockholm");

	@Test
	void saysWhenTheLeaseLapsesInLocalTimeWithItsZoneRoundedUpToTheSecond() {
		Instant now = Instant.parse("2026-05-02T10:15:30.250Z");
		DeliveryLocks.Holder holder = holder(Duration.ofMillis(1_900));

		String message = ExecutionStillRunningException.leaseHeld(FILE, holder, now, STOCKHOLM).getMessage();

		// 10:15:32.150 UTC is 12:15:32.150 in Stockholm (summer time): after 12:15:33
		assertThat(message).isEqualTo("the delivery of /inbox/vinn.xml is running in worker-2:4711; if that process"
				+ " is gone its lease lapses at 12:15:33 CEST: run again after 12:15:33 CEST");
	}

	@Test
	void aWholeSecondIsNotRoundedUp() {
		String message = ExecutionStillRunningException
			.leaseHeld(FILE, holder(Duration.ofSeconds(3)), Instant.parse("2026-01-10T08:00:00Z"), STOCKHOLM)
			.getMessage();

		assertThat(message).endsWith("lapses at 09:00:03 CET: run again after 09:00:03 CET");
	}

	@Test
	void aLapseOnAnotherDayGivesTheDate() {
		String message = ExecutionStillRunningException
			.leaseHeld(FILE, holder(Duration.ofMinutes(2)), Instant.parse("2026-01-10T22:59:30Z"), STOCKHOLM)
			.getMessage();

		assertThat(message).endsWith("lapses at 2026-01-11 00:01:30 CET: run again after 2026-01-11 00:01:30 CET");
	}

	@Test
	void aLeaseThatHasJustLapsedOrGoneSaysRunAgainNow() {
		Instant now = Instant.parse("2026-01-10T08:00:00Z");

		assertThat(ExecutionStillRunningException.leaseHeld(FILE, holder(Duration.ofMillis(-5)), now, STOCKHOLM)
			.getMessage())
			.isEqualTo("the delivery of /inbox/vinn.xml is running in worker-2:4711, whose lease has"
					+ " just lapsed: run again now");
		assertThat(ExecutionStillRunningException.leaseHeld(FILE, null, now, STOCKHOLM).getMessage())
			.isEqualTo("the delivery of /inbox/vinn.xml was running in another process a moment ago: run again now");
	}

	private static DeliveryLocks.Holder holder(Duration left) {
		Instant at = Instant.parse("2026-01-01T00:00:00Z");
		return new DeliveryLocks.Holder("worker-2:4711", at, at.plus(left), left);
	}

}
