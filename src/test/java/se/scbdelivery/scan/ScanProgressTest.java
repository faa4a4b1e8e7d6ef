package se.scbdelivery.scan;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The progress lines of a scan: one at each change of stage, each with the counts an
 * operator follows.
 */
class ScanProgressTest {

	private final List<String> lines = new ArrayList<>();

	private final SteppingClock clock = new SteppingClock();

	private final ScanProgress progress = new ScanProgress("scan", this.lines::add, this.clock);

	@Test
	void printsALineAtEachStageWithTheCountsBytesAndARoughEstimate() {
		this.progress.started(3);
		this.progress.inSlot("a");
		this.progress.inSlot("b");
		this.clock.advance(Duration.ofSeconds(10));
		this.progress.waiting("a", 2048);
		this.progress.waiting("b", 1024);
		this.progress.inSlot("c");
		this.progress.done("c", "NOT_LOADED", 512);
		this.clock.advance(Duration.ofSeconds(50));
		this.progress.inSlot("a");
		this.progress.inSlot("b");
		this.progress.done("a", "LOADED", 2048);
		this.progress.done("b", "LOADED", 1024);
		this.progress.finished();

		assertThat(this.lines).containsExactly(
				"scan: uploading; 3 files: 3 queued, 0 uploading, 0 waiting at SCB, 0 finishing, 0 final; 0 B uploaded;"
						+ " 0:00:00 elapsed, no estimate yet",
				"scan: waiting for SCB; 3 files: 0 queued, 0 uploading, 2 waiting at SCB, 0 finishing, 1 final"
						+ " (1 NOT_LOADED); 3.5 KiB uploaded; 0:00:10 elapsed, about 0:00:20 left",
				"scan: finishing; 3 files: 0 queued, 0 uploading, 0 waiting at SCB, 2 finishing, 1 final"
						+ " (1 NOT_LOADED); 3.5 KiB uploaded; 0:01:00 elapsed, about 0:02:00 left",
				"scan: done; 3 files: 0 queued, 0 uploading, 0 waiting at SCB, 0 finishing, 3 final (2 LOADED,"
						+ " 1 NOT_LOADED); 3.5 KiB uploaded; 0:01:00 elapsed");
	}

	@Test
	void aFileDeliveredEarlierAddsNoBytes() {
		this.progress.started(1);
		this.progress.inSlot("a");
		this.progress.done("a", "LOADED", 0);
		this.progress.finished();

		assertThat(this.lines).last().asString().contains("1 final (1 LOADED); 0 B uploaded");
	}

	@Test
	void aScanWithNothingToDeliverPrintsNothing() {
		this.progress.started(0);
		this.progress.finished();

		assertThat(this.lines).isEmpty();
	}

	/** A clock that moves only when told. */
	private static final class SteppingClock extends Clock {

		private Instant now = Instant.parse("2026-11-30T22:00:00Z");

		void advance(Duration duration) {
			this.now = this.now.plus(duration);
		}

		@Override
		public ZoneId getZone() {
			return ZoneOffset.UTC;
		}

		@Override
		public Clock withZone(ZoneId zone) {
			return this;
		}

		@Override
		public Instant instant() {
			return this.now;
		}

	}

}
