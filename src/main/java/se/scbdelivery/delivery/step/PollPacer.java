package se.scbdelivery.delivery.step;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;

import org.jspecify.annotations.Nullable;

import se.scbdelivery.config.ScbProperties;

/**
 * Paces the polls of one step execution: the first at once, then after a wait that grows
 * from {@code scb.poll.interval} to {@code scb.poll.max-interval}, and no poll past
 * {@code scb.poll.timeout}. A stop request cuts the wait short. One instance per step
 * execution, so a restart starts the timeout afresh.
 */
public class PollPacer {

	private final ScbProperties.Poll poll;

	private final Clock clock;

	private final CountDownLatch stopped = new CountDownLatch(1);

	private @Nullable Instant startedAt;

	private @Nullable PollBackoff backoff;

	public PollPacer(ScbProperties.Poll poll, Clock clock) {
		this.poll = poll;
		this.clock = clock;
	}

	/**
	 * Waits before the next poll (not before the first).
	 * @return false when a stop request ended the wait
	 * @throws ProcessingTimeoutException when the next poll would come after the timeout;
	 * its message is {@code what} and how long was waited
	 */
	public boolean awaitNextPoll(String what, String resume) throws InterruptedException {
		Instant started = this.startedAt;
		PollBackoff backoff = this.backoff;
		if (started == null || backoff == null) {
			this.startedAt = this.clock.instant();
			this.backoff = new PollBackoff(this.poll.interval(), this.poll.maxInterval());
			return true;
		}
		Duration waited = Duration.between(started, this.clock.instant());
		if (waited.plus(backoff.delay()).compareTo(this.poll.timeout()) > 0) {
			throw new ProcessingTimeoutException(what + " after " + waited.withNanos(0) + " (scb.poll.timeout="
					+ this.poll.timeout() + "): " + resume);
		}
		boolean stop = this.stopped.await(backoff.delay().toMillis(), TimeUnit.MILLISECONDS);
		this.backoff = backoff.next();
		return !stop;
	}

	public void stop() {
		this.stopped.countDown();
	}

}
