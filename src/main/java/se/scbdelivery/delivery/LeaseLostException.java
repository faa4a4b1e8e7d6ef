package se.scbdelivery.delivery;

/**
 * This process no longer holds the lease on a delivery, so it may call SCB for it no
 * more: it stalled (a long GC pause, a frozen VM) or lost the job repository for longer
 * than {@code scb.recovery.stale-after}, and the lease lapsed or another process took the
 * delivery over. The message is the one line a person reads; the delivery is finished or
 * resumed by whoever holds the lease now.
 */
public class LeaseLostException extends ExplainedFailureException {

	public LeaseLostException(String message) {
		super(message);
	}

	public LeaseLostException(String message, Throwable cause) {
		super(message, cause);
	}

}
