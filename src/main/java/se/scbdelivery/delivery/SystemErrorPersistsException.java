package se.scbdelivery.delivery;

/** SCB kept answering {@code Systemfel} through every allowed re-upload. Restartable. */
class SystemErrorPersistsException extends RuntimeException {

	SystemErrorPersistsException(String message) {
		super(message);
	}

}
