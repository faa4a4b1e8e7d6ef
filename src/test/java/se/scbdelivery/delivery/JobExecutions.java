package se.scbdelivery.delivery;

import java.util.List;

import org.springframework.batch.core.job.JobExecution;
import org.springframework.batch.core.step.StepExecution;

/**
 * What a job execution ran, for assertions. Kept out of the test classes:
 * {@code @SpringBatchTest} takes any of their methods returning a StepExecution for a
 * step scope factory.
 */
public final class JobExecutions {

	private JobExecutions() {
	}

	/** The newest execution of a step in a job execution. */
	public static StepExecution lastStep(JobExecution execution, String name) {
		return execution.getStepExecutions()
			.stream()
			.filter((step) -> step.getStepName().equals(name))
			.reduce((first, second) -> second)
			.orElseThrow(() -> new AssertionError(
					"execution " + execution.getId() + " ran no step " + name + ": " + stepNames(execution)));
	}

	/** The steps a job execution ran, in order. */
	public static List<String> stepNames(JobExecution execution) {
		return execution.getStepExecutions()
			.stream()
			.sorted((a, b) -> Long.compare(a.getId(), b.getId()))
			.map(StepExecution::getStepName)
			.toList();
	}

}
