package se.scbdelivery.scb.http;

import org.jspecify.annotations.Nullable;

/**
 * A transient fault (connection refused or reset, timeout, 5xx, 429, an answer lost after
 * the request was sent) that persisted through every retry, or that was not retried
 * because the server may already have processed the request. The delivery is resumable.
 */
public final class ScbUnavailableException extends ScbCallException {

	private final int attempts;

	public ScbUnavailableException(String call, int attempts, String lastFault, @Nullable Throwable cause) {
		super(call, call + " failed " + ((attempts == 1) ? "once" : attempts + " times") + "; last: " + lastFault,
				cause);
		this.attempts = attempts;
	}

	public int attempts() {
		return this.attempts;
	}

}
