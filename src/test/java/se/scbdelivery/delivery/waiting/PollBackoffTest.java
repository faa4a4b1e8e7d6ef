package se.scbdelivery.delivery.waiting;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

class PollBackoffTest {

	@Test
	void growsFromTheIntervalByDoublingAndStopsAtTheLongest() {
		PollBackoff backoff = new PollBackoff(Duration.ofSeconds(5), Duration.ofMinutes(1));
		List<Duration> waits = new ArrayList<>();
		for (int i = 0; i < 7; i++) {
			waits.add(backoff.delay());
			backoff = backoff.next();
		}
		assertThat(waits).extracting(Duration::toSeconds).containsExactly(5L, 10L, 20L, 40L, 60L, 60L, 60L);
	}

}
