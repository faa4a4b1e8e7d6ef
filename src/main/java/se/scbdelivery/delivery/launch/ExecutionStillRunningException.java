package se.scbdelivery.delivery.launch;

/** The execution is running in a live process: it is never taken over. */
public class ExecutionStillRunningException extends RuntimeException {

	public ExecutionStillRunningException(String message) {
		super(message);
	}

}
