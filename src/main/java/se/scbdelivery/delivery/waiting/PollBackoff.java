package se.scbdelivery.delivery.waiting;

import java.time.Duration;

/**
 * The wait before each history poll: from the first interval, doubling, up to the
 * longest.
 */
record PollBackoff(Duration delay, Duration longest) {

	PollBackoff next() {
		Duration doubled = this.delay.multipliedBy(2);
		return new PollBackoff((doubled.compareTo(this.longest) > 0) ? this.longest : doubled, this.longest);
	}

}
