package se.scbdelivery.scb.http;

import java.time.Duration;

/** Waits between retries; tests pass one that records the delays and returns at once. */
@FunctionalInterface
public interface Sleeper {

	/** The real one: {@link Thread#sleep(long)}. */
	Sleeper THREAD = (delay) -> Thread.sleep(delay.toMillis());

	void sleep(Duration delay) throws InterruptedException;

}
