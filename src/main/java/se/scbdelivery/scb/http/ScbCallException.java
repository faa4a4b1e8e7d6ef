package se.scbdelivery.scb.http;

import org.jspecify.annotations.Nullable;

/**
 * A call to SCB that did not give a usable answer. The message is one line a person can
 * act on: it names the call (method and path, never a secret) and what went wrong.
 */
public abstract sealed class ScbCallException extends RuntimeException
		permits ScbRefusedException, ScbUnavailableException, ScbBadAnswerException, ScbTlsException {

	private final String call;

	protected ScbCallException(String call, String message, @Nullable Throwable cause) {
		super(message, cause);
		this.call = call;
	}

	/** The call, e.g. {@code POST file/3/9990000045/VINN/2024-06-30/V40/a.xml/}. */
	public String call() {
		return this.call;
	}

}
