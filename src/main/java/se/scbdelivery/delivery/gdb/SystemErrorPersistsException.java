package se.scbdelivery.delivery.gdb;

import se.scbdelivery.delivery.ExplainedFailureException;

/** SCB kept answering {@code Systemfel} through every allowed re-upload. Restartable. */
public class SystemErrorPersistsException extends ExplainedFailureException {

	SystemErrorPersistsException(String message) {
		super(message);
	}

}
