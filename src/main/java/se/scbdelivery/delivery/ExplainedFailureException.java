package se.scbdelivery.delivery;

import java.util.Objects;

/**
 * A technical failure whose message is already the one line a person reads: what happened
 * and what to do. The delivery is restartable; the report and the console show the
 * message as it is, with no exception class.
 */
public class ExplainedFailureException extends RuntimeException {

	public ExplainedFailureException(String message) {
		super(message);
	}

	public ExplainedFailureException(String message, Throwable cause) {
		super(message, cause);
	}

	/** Never null: every one is made with its one-line reason. */
	@Override
	public String getMessage() {
		return Objects.requireNonNullElse(super.getMessage(), getClass().getSimpleName());
	}

}
