package se.scbdelivery.delivery.waiting;

import se.scbdelivery.delivery.ExplainedFailureException;

/**
 * SCB did not finish processing within {@code scb.poll.timeout}. A restart polls again.
 */
public class ProcessingTimeoutException extends ExplainedFailureException {

	ProcessingTimeoutException(String message) {
		super(message);
	}

}
