package se.scbdelivery.simulator.server;

import java.time.Duration;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;

import reactor.core.publisher.Mono;
import reactor.core.publisher.Sinks;

import se.scbdelivery.simulator.ScbStandIn;

/**
 * Holds one request until a test lets it go: the request is read in full and recorded (so
 * {@link ScbStandIn#awaitFragment} sees it), then waits for {@link #release()} before the
 * stand-in processes and answers it. Made by {@link Faults#gate}. The wait never blocks a
 * server thread. When the client closes the connection while its request is held (it
 * timed out, or its process was killed), the request is abandoned: releasing the gate
 * then has no effect on the upload.
 */
public final class Gate {

	private final String description;

	private final CountDownLatch arrival = new CountDownLatch(1);

	private final Sinks.Empty<Void> release = Sinks.empty();

	Gate(String description) {
		this.description = description;
	}

	/** Lets the held request go on; before it arrives, lets it pass without stopping. */
	public void release() {
		this.release.tryEmitEmpty();
	}

	/**
	 * Blocks the calling (test) thread until the request has arrived and is held.
	 * @throws IllegalStateException when it has not arrived within {@code timeout}
	 */
	public void awaitArrival(Duration timeout) {
		try {
			if (!this.arrival.await(timeout.toNanos(), TimeUnit.NANOSECONDS)) {
				throw new IllegalStateException(
						"no request reached the gate on " + this.description + " within " + timeout);
			}
		}
		catch (InterruptedException ex) {
			Thread.currentThread().interrupt();
			throw new IllegalStateException("interrupted while waiting at the gate on " + this.description, ex);
		}
	}

	public boolean hasArrived() {
		return this.arrival.getCount() == 0;
	}

	void arrive() {
		this.arrival.countDown();
	}

	Mono<Void> released() {
		return this.release.asMono();
	}

	@Override
	public String toString() {
		return "Gate[" + this.description + (hasArrived() ? ", arrived" : "") + "]";
	}

}
