package se.scbdelivery.delivery;

import java.util.Objects;

/**
 * Input that must not be sent: a bad value, file or certificate. Its message is one line
 * naming the bad value; the process exits 2 and nothing reaches SCB.
 */
public class InvalidDeliveryInputException extends RuntimeException {

	public InvalidDeliveryInputException(String message) {
		super(message);
	}

	public InvalidDeliveryInputException(String message, Throwable cause) {
		super(message, cause);
	}

	/** Never null: every one is made with its one-line reason. */
	@Override
	public String getMessage() {
		return Objects.requireNonNullElse(super.getMessage(), getClass().getSimpleName());
	}

}
