package se.scbdelivery.delivery.launch;

import java.util.ArrayList;
import java.util.List;
import org.springframework.batch.core.job.JobExecution;
import org.springframework.batch.core.repository.JobRepository;
import org.springframework.stereotype.Component;

import se.scbdelivery.delivery.outcome.DeliveryExecutions;
import se.scbdelivery.delivery.outcome.OpenDeliveries;

/** The read side for {@code restart --failed}: which deliveries can be resumed. */
@Component
public class ResumableExecutions {

	private final DeliveryExecutions executions;

	private final JobRepository jobRepository;

	private final DeadExecutions dead;

	ResumableExecutions(DeliveryExecutions executions, JobRepository jobRepository, DeadExecutions dead) {
		this.executions = executions;
		this.jobRepository = jobRepository;
		this.dead = dead;
	}

	/**
	 * The newest execution of every delivery that can be resumed, newest first: failed
	 * technically, stopped, left UNKNOWN by a failing job repository, or left running by
	 * a process that is gone (nobody holds its lease). Deliveries SCB refused and bad
	 * input are left out: resuming them would get the same answer. The database picks the
	 * candidates from the open deliveries; only those are read.
	 */
	public List<Long> find() {
		List<Long> resumable = new ArrayList<>();
		for (long id : this.executions.newestOfOpenDeliveries(OpenDeliveries.UNFINISHED,
				OpenDeliveries.FINAL_FAILURES)) {
			// the query chose by status and outcome; whether one that looks running has
			// lost its process only its lease can tell
			JobExecution last = this.jobRepository.getJobExecution(id);
			if (last != null && (!last.isRunning() || this.dead.isDead(last))) {
				resumable.add(id);
			}
		}
		return resumable;
	}

}
