package se.scbdelivery.delivery.launch;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;

import org.springframework.batch.core.BatchStatus;
import org.springframework.batch.core.job.JobExecution;
import org.springframework.batch.core.job.JobInstance;
import org.springframework.batch.core.repository.JobRepository;
import org.springframework.stereotype.Component;

import se.scbdelivery.delivery.Channel;
import se.scbdelivery.delivery.outcome.DeliveryOutcome;

/** The read side for {@code restart --failed}: which deliveries can be resumed. */
@Component
public class ResumableExecutions {

	private final JobRepository jobRepository;

	private final DeadExecutions dead;

	ResumableExecutions(JobRepository jobRepository, DeadExecutions dead) {
		this.jobRepository = jobRepository;
		this.dead = dead;
	}

	/**
	 * The newest execution of every delivery that can be resumed, newest first: failed
	 * technically, stopped, left UNKNOWN by a failing job repository, or left running by
	 * a process that is gone (nobody holds its lease). Deliveries SCB refused and bad
	 * input are left out: resuming them would get the same answer.
	 */
	public List<Long> find() {
		List<JobExecution> resumable = new ArrayList<>();
		for (Channel channel : Channel.values()) {
			for (JobInstance instance : this.jobRepository.getJobInstances(channel.jobName(), 0, Integer.MAX_VALUE)) {
				JobExecution last = this.jobRepository.getLastJobExecution(instance);
				if (last != null && (last.isRunning() ? this.dead.isDead(last) : isResumable(last))) {
					resumable.add(last);
				}
			}
		}
		return resumable.stream().map(JobExecution::getId).sorted(Comparator.reverseOrder()).toList();
	}

	private static boolean isResumable(JobExecution execution) {
		String outcome = execution.getExitStatus().getExitCode();
		return (execution.getStatus() == BatchStatus.FAILED || execution.getStatus() == BatchStatus.STOPPED
				|| StrandedExecutions.isStranded(execution)) && !DeliveryOutcome.REFUSED.name().equals(outcome)
				&& !DeliveryOutcome.INVALID_INPUT.name().equals(outcome);
	}

}
