package se.scbdelivery.simulator.server;

import java.time.Duration;
import java.time.Instant;

import org.junit.jupiter.api.Test;

import se.scbdelivery.simulator.server.UploadEvent.Kind;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.tuple;

/**
 * Uploads in flight count as overlapping in the order the stand-in saw them; events keep
 * that order.
 */
class UploadLogTest {

	private final TestClock clock = new TestClock(Instant.parse("2026-09-30T08:00:00Z"));

	private final UploadLog log = new UploadLog(this.clock);

	@Test
	void uploadsOneAfterTheOtherPeakAtOne() {
		this.log.start("a", Channel.GDB, null);
		this.log.end("a");
		this.log.start("b", Channel.GDB, null);
		this.log.end("b");

		assertThat(this.log.peakInFlight(null)).isEqualTo(1);
		assertThat(this.log.inFlight()).isZero();
	}

	@Test
	void overlappingUploadsCountTogetherOnEitherChannel() {
		this.log.start("a", Channel.GDB, null);
		this.log.start("b", Channel.GENERIC, null);
		this.log.start("c", Channel.GDB, null);
		this.log.end("a");
		this.log.end("b");

		assertThat(this.log.peakInFlight(null)).isEqualTo(3);
		assertThat(this.log.peakInFlight(Channel.GDB)).isEqualTo(2);
		assertThat(this.log.peakInFlight(Channel.GENERIC)).isEqualTo(1);
		assertThat(this.log.inFlight()).isEqualTo(1);
	}

	@Test
	void aStartDatedBackToAnEarlierMarkOverlapsWhatEndedSince() {
		this.log.start("a", Channel.GDB, null);
		long heartbeat = this.log.mark();
		this.log.end("a");

		this.log.start("b", Channel.GDB, heartbeat);

		assertThat(this.log.peakInFlight(null)).isEqualTo(2);
	}

	@Test
	void startingAnUploadInFlightAgainOrEndingOneThatIsNotChangesNothing() {
		this.log.start("a", Channel.GDB, null);
		this.log.start("a", Channel.GDB, null);
		this.log.end("b");

		assertThat(this.log.peakInFlight(null)).isEqualTo(1);
		assertThat(this.log.inFlight()).isEqualTo(1);
	}

	@Test
	void eventsKeepTheirOrderAndTheClocksTime() {
		this.log.event(Channel.GDB, "d1", Kind.COMPLETED);
		this.clock.advance(Duration.ofSeconds(60));
		this.log.event(Channel.GENERIC, "t1", Kind.COMPLETED);
		this.log.event(Channel.GDB, "d1", Kind.FINAL_STATUS_ANSWERED);

		assertThat(this.log.events())
			.extracting(UploadEvent::at, UploadEvent::channel, UploadEvent::id, UploadEvent::kind)
			.containsExactly(tuple(Instant.parse("2026-09-30T08:00:00Z"), Channel.GDB, "d1", Kind.COMPLETED),
					tuple(Instant.parse("2026-09-30T08:01:00Z"), Channel.GENERIC, "t1", Kind.COMPLETED),
					tuple(Instant.parse("2026-09-30T08:01:00Z"), Channel.GDB, "d1", Kind.FINAL_STATUS_ANSWERED));
	}

	@Test
	void clearForgetsUploadsAndEvents() {
		this.log.start("a", Channel.GDB, null);
		this.log.start("b", Channel.GDB, null);
		this.log.event(Channel.GDB, "d1", Kind.COMPLETED);

		this.log.clear();

		assertThat(this.log.peakInFlight(null)).isZero();
		assertThat(this.log.inFlight()).isZero();
		assertThat(this.log.events()).isEmpty();
	}

}
