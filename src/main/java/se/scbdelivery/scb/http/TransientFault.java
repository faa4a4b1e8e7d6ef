package se.scbdelivery.scb.http;

import org.jspecify.annotations.Nullable;

/**
 * One attempt failed in a way that may pass: the signal from an attempt to
 * {@link TransientFaultRetry}, which turns the last one into an
 * {@link ScbUnavailableException}. Never leaves this package.
 */
final class TransientFault extends RuntimeException {

	private final @Nullable String retryAfter;

	TransientFault(String description, @Nullable String retryAfter, @Nullable Throwable cause) {
		super(description, cause, false, false);
		this.retryAfter = retryAfter;
	}

	/** The server's {@code Retry-After} header, if it sent one with a 429 or 503. */
	@Nullable String retryAfter() {
		return this.retryAfter;
	}

}
