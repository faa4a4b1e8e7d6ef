package se.scbdelivery.delivery;

import java.time.Clock;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import org.springframework.batch.core.job.JobExecution;
import org.springframework.batch.core.scope.context.ChunkContext;
import org.springframework.batch.core.step.StepContribution;
import org.springframework.batch.core.step.tasklet.StoppableTasklet;
import org.springframework.batch.infrastructure.repeat.RepeatStatus;

import se.scbdelivery.config.ScbProperties;
import se.scbdelivery.scb.generic.GenericDeliveryClient;
import se.scbdelivery.scb.generic.ProcessingState;
import se.scbdelivery.scb.generic.Ticket;

/**
 * Follows the current attempt's ticket on the status endpoint until SCB answers 302
 * (processed). One poll per call, paced by {@link PollPacer}; after the timeout the step
 * fails and a restart follows the same ticket, never posting again. One instance per step
 * execution.
 */
class AwaitValidationTasklet implements StoppableTasklet {

	private static final Logger logger = LoggerFactory.getLogger(AwaitValidationTasklet.class);

	private final GenericDeliveryClient generic;

	private final DeliveryJournals journals;

	private final PollPacer pacer;

	AwaitValidationTasklet(GenericDeliveryClient generic, DeliveryJournals journals, ScbProperties properties,
			Clock clock) {
		this.generic = generic;
		this.journals = journals;
		this.pacer = new PollPacer(properties.poll(), clock);
	}

	@Override
	public RepeatStatus execute(StepContribution contribution, ChunkContext chunkContext) throws InterruptedException {
		JobExecution execution = chunkContext.getStepContext().getStepExecution().getJobExecution();
		String ticket = this.journals.read(execution).ticket();
		if (ticket == null) {
			throw new IllegalStateException("execution " + execution.getId() + " has no ticket to follow");
		}
		if (!this.pacer.awaitNextPoll("SCB has not finished validating ticket " + ticket,
				"follow it again with 'restart " + execution.getId() + "'; the file will not be posted again")) {
			// stopped: the step sees its stop request after this call and ends STOPPED
			return RepeatStatus.CONTINUABLE;
		}
		ProcessingState state = this.generic.status(new Ticket(ticket));
		this.journals.update(execution, (journal) -> journal.withCurrentAttempt(UploadAttempt::polled));
		logger.info("Ticket {}: {}", ticket, state);
		return (state == ProcessingState.PROCESSED) ? RepeatStatus.FINISHED : RepeatStatus.CONTINUABLE;
	}

	@Override
	public void stop() {
		this.pacer.stop();
	}

}
