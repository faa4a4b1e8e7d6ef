package se.scbdelivery.delivery.waiting;

import org.springframework.batch.core.job.JobExecution;

import se.scbdelivery.delivery.Channel;

/**
 * One look at SCB's verdict on a waiting delivery, for one channel: the GDB history or
 * the generic service's status.
 */
public interface StatusCheck {

	Channel channel();

	/**
	 * Asks SCB once how the current upload attempt of an execution stands, and records
	 * the answer in its journal.
	 * @return whether the answer was final (then the verdict is in the journal)
	 */
	boolean poll(JobExecution execution);

	/** The follower follows the execution no more: what it kept for the polls may go. */
	default void letGo(JobExecution execution) {
	}

}
