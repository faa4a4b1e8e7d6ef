package se.scbdelivery.delivery.launch;

import org.springframework.batch.core.job.Job;
import org.springframework.batch.core.job.JobExecution;

import se.scbdelivery.delivery.outcome.DeliveryResult;

/** What one run of a delivery's execution came to. */
public sealed interface Launch {

	/** The delivery has an outcome to report: final, failed, stopped or left alone. */
	record Finished(DeliveryResult result) implements Launch {
	}

	/**
	 * The upload is done and SCB is processing the file: the execution stopped at its
	 * poll step, freeing its slot. The delivery's lease stays held (and renewed) until
	 * the delivery is resumed with {@link DeliveryLauncher#resume} or let go.
	 */
	final class Waiting implements Launch {

		private final JobExecution execution;

		private final Job job;

		private final DeliveryLocks.Lease lease;

		Waiting(JobExecution execution, Job job, DeliveryLocks.Lease lease) {
			this.execution = execution;
			this.job = job;
			this.lease = lease;
		}

		/** The STOPPED execution; its journal holds the DeliveryId or ticket. */
		public JobExecution execution() {
			return this.execution;
		}

		Job job() {
			return this.job;
		}

		DeliveryLocks.Lease lease() {
			return this.lease;
		}

	}

}
