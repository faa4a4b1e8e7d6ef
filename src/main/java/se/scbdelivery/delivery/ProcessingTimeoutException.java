package se.scbdelivery.delivery;

/** SCB did not finish processing within {@code scb.poll.timeout}. A restart polls again. */
class ProcessingTimeoutException extends RuntimeException {

	ProcessingTimeoutException(String message) {
		super(message);
	}

}
