package se.scbdelivery.scb.http;

import org.jspecify.annotations.Nullable;

/**
 * SCB (or something in between, such as a proxy) answered 2xx with something that is not
 * the documented answer: malformed JSON, a missing field, an answer larger than the cap.
 */
public final class ScbBadAnswerException extends ScbCallException {

	public ScbBadAnswerException(String call, String problem, @Nullable Throwable cause) {
		super(call, call + " gave an answer that cannot be used: " + problem, cause);
	}

}
