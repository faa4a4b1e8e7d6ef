package se.scbdelivery.scb.http;

import java.util.Locale;

/** How one attempt of a call to SCB ended, as metrics count it. */
public enum CallResult {

	/** An answer the call accepts (2xx, or a status it takes as an answer). */
	ANSWERED(true),

	/** A 4xx other than 429: SCB refused the request. */
	REFUSED(true),

	/**
	 * A 5xx or 429: SCB (or something in front of it) could not serve the request now.
	 */
	SERVER_ERROR(true),

	/** A 1xx or 3xx the call does not accept, or an answer over its size cap. */
	UNEXPECTED(true),

	/** No answer in time: connecting, the handshake, sending or the answer timed out. */
	TIMEOUT(false),

	/** The connection was refused, reset or closed early, or another I/O error. */
	CONNECTION(false),

	/** The TLS handshake failed: a certificate was refused or not trusted. */
	TLS(false),

	/** Anything else: a fault of the program, not of the network. */
	ERROR(false);

	private final boolean serverAnswered;

	CallResult(boolean serverAnswered) {
		this.serverAnswered = serverAnswered;
	}

	/** Whether an HTTP answer came back, whatever its status. */
	public boolean serverAnswered() {
		return this.serverAnswered;
	}

	/** The label value, e.g. {@code server_error}. */
	public String label() {
		return name().toLowerCase(Locale.ROOT);
	}

}
