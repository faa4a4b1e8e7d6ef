package se.scbdelivery.delivery;

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

}
