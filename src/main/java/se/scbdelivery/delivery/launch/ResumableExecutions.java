package se.scbdelivery.delivery.launch;

import java.util.ArrayList;
import java.util.List;
import java.util.Set;

import org.springframework.batch.core.BatchStatus;
import org.springframework.batch.core.job.JobExecution;
import org.springframework.batch.core.repository.JobRepository;
import org.springframework.stereotype.Component;

import se.scbdelivery.delivery.outcome.DeliveryExecutions;
import se.scbdelivery.delivery.outcome.DeliveryOutcome;

/** The read side for {@code restart --failed}: which deliveries can be resumed. */
@Component
public class ResumableExecutions {

	/**
	 * The job statuses a delivery's newest execution may have to be resumed: failed,
	 * stopped, UNKNOWN, or apparently running (then its process may be gone).
	 */
	private static final Set<BatchStatus> UNFINISHED = Set.of(BatchStatus.FAILED, BatchStatus.STOPPED,
			BatchStatus.UNKNOWN, BatchStatus.STARTING, BatchStatus.STARTED, BatchStatus.STOPPING);

	/** Resuming these would get the same answer. */
	private static final Set<DeliveryOutcome> FINAL_FAILURES = Set.of(DeliveryOutcome.REFUSED,
			DeliveryOutcome.INVALID_INPUT);

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
	 * candidates; only those are read.
	 */
	public List<Long> find() {
		List<Long> resumable = new ArrayList<>();
		for (long id : this.executions.newestWithStatus(UNFINISHED, FINAL_FAILURES)) {
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
