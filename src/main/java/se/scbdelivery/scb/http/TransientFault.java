package se.scbdelivery.scb.http;

import org.jspecify.annotations.Nullable;

/**
 * One attempt failed in a way that may pass: the signal from an attempt to
 * {@link TransientFaultRetry}, which turns the last one into an
 * {@link ScbUnavailableException}. Never leaves this package.
 */
final class TransientFault extends RuntimeException {

	private final CallResult result;

	private final @Nullable String retryAfter;

	private final boolean requestNotProcessed;

	/**
	 * @param result how the attempt ended: a timeout, a connection fault or a server
	 * error
	 * @param requestNotProcessed true only when the server surely did not process the
	 * request, so that even a call with {@link RetryScope#REQUEST_NOT_PROCESSED} may
	 * repeat it
	 */
	TransientFault(CallResult result, String description, @Nullable String retryAfter, boolean requestNotProcessed,
			@Nullable Throwable cause) {
		super(description, cause, false, false);
		this.result = result;
		this.retryAfter = retryAfter;
		this.requestNotProcessed = requestNotProcessed;
	}

	/** How the attempt ended, as metrics count it. */
	CallResult result() {
		return this.result;
	}

	/** The server's {@code Retry-After} header, if it sent one with a 429 or 503. */
	@Nullable String retryAfter() {
		return this.retryAfter;
	}

	/** Whether retrying is allowed in the given scope. */
	boolean retryableIn(RetryScope scope) {
		return scope == RetryScope.ANY_TRANSIENT_FAULT || this.requestNotProcessed;
	}

}
