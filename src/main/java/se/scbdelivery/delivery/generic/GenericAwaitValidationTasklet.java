package se.scbdelivery.delivery.generic;

import org.springframework.batch.core.ExitStatus;
import org.springframework.batch.core.job.JobExecution;
import org.springframework.batch.core.scope.context.ChunkContext;
import org.springframework.batch.core.step.StepContribution;
import org.springframework.batch.core.step.tasklet.Tasklet;
import org.springframework.batch.infrastructure.repeat.RepeatStatus;

import se.scbdelivery.delivery.journal.DeliveryJournals;
import se.scbdelivery.delivery.outcome.DeliveryOutcome;
import se.scbdelivery.delivery.waiting.WaitingRuns;

/**
 * Asks once whether SCB has validated the current attempt's ticket, unless the follower
 * of waiting deliveries has recorded the result already. Not yet: the step ends
 * {@link DeliveryOutcome#WAITING}, the flow stops the execution, and the follower polls
 * on without holding a delivery slot, restarting the execution once SCB has answered.
 * Past {@code scb.poll.timeout} the step fails; a restart follows the same ticket, never
 * posting again.
 */
class GenericAwaitValidationTasklet implements Tasklet {

	private final GenericStatusPoll status;

	private final DeliveryJournals journals;

	private final WaitingRuns runs;

	GenericAwaitValidationTasklet(GenericStatusPoll status, DeliveryJournals journals, WaitingRuns runs) {
		this.status = status;
		this.journals = journals;
		this.runs = runs;
	}

	@Override
	public RepeatStatus execute(StepContribution contribution, ChunkContext chunkContext) {
		JobExecution execution = chunkContext.getStepContext().getStepExecution().getJobExecution();
		String ticket = this.status.ticket(execution);
		if (this.journals.read(execution).verdict() != null) {
			return RepeatStatus.FINISHED;
		}
		this.runs.beforePoll(execution, ticket, "SCB has not finished validating ticket " + ticket,
				"follow it again with 'restart " + execution.getId() + "'; the file will not be posted again");
		if (!this.status.poll(execution)) {
			contribution.setExitStatus(new ExitStatus(DeliveryOutcome.WAITING.name()));
		}
		return RepeatStatus.FINISHED;
	}

}
