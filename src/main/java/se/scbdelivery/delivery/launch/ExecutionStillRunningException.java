package se.scbdelivery.delivery.launch;

import java.util.Objects;

/** The execution is running in a live process: it is never taken over. */
public class ExecutionStillRunningException extends RuntimeException {

	public ExecutionStillRunningException(String message) {
		super(message);
	}

	/** Never null: every one is made with its one-line reason. */
	@Override
	public String getMessage() {
		return Objects.requireNonNullElse(super.getMessage(), getClass().getSimpleName());
	}

}
