package se.scbdelivery.delivery.launch;

import java.util.Optional;

import se.scbdelivery.delivery.outcome.PrunedDelivery;

/**
 * The records {@code prune} keeps of the deliveries whose job instances it removed: where
 * the launcher learns that a file with no instance was delivered, or abandoned, before.
 * Kept by the retention room, which sits above launching.
 */
public interface PrunedDeliveries {

	/**
	 * The record of the pruned delivery of this job with this job key (the identifying
	 * parameters, hashed as {@code BATCH_JOB_INSTANCE.JOB_KEY} is), if there is one.
	 */
	Optional<PrunedDelivery> find(String jobName, String jobKey);

}
