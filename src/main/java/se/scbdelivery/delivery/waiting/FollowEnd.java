package se.scbdelivery.delivery.waiting;

/** Why the follower let go of a waiting delivery. */
public enum FollowEnd {

	/** SCB's answer is final and recorded: restart the execution to report it. */
	FINAL,

	/**
	 * The next poll would come after {@code scb.poll.timeout}: restart the execution to
	 * fail it, resumable.
	 */
	TIMED_OUT,

	/** The process is stopping: the execution stays STOPPED for a later run. */
	STOPPING,

	/**
	 * This process lost the delivery's lease (it stalled, and another may have taken the
	 * delivery over): it polls no more.
	 */
	LEASE_LOST

}
