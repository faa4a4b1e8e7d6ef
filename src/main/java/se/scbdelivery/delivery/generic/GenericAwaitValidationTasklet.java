package se.scbdelivery.delivery.generic;

import java.time.Clock;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import org.springframework.batch.core.job.JobExecution;
import org.springframework.batch.core.scope.context.ChunkContext;
import org.springframework.batch.core.step.StepContribution;
import org.springframework.batch.core.step.tasklet.StoppableTasklet;
import org.springframework.batch.infrastructure.repeat.RepeatStatus;

import se.scbdelivery.config.ScbProperties;
import se.scbdelivery.delivery.journal.DeliveryJournals;
import se.scbdelivery.delivery.journal.GenericAnswer;
import se.scbdelivery.delivery.journal.GenericVerdict;
import se.scbdelivery.delivery.journal.UploadAttempt;
import se.scbdelivery.delivery.step.PollPacer;
import se.scbdelivery.scb.generic.GenericDeliveryClient;
import se.scbdelivery.scb.generic.ProcessingState;
import se.scbdelivery.scb.generic.Ticket;
import se.scbdelivery.scb.generic.ValidationResult;

/**
 * Follows the current attempt's ticket on the status endpoint until SCB answers 302
 * (processed), then fetches {@code GET api/v1/delivery/{ticket}} and keeps SCB's whole
 * DeliveryResult (every error with its row errors, and the answer as received) and its
 * verdict in the journal. One poll per call, paced by {@link PollPacer}; after the
 * timeout the step fails and a restart follows the same ticket, never posting again. One
 * instance per step execution.
 */
class GenericAwaitValidationTasklet implements StoppableTasklet {

	private static final Logger logger = LoggerFactory.getLogger(GenericAwaitValidationTasklet.class);

	private final GenericDeliveryClient generic;

	private final DeliveryJournals journals;

	private final PollPacer pacer;

	private final Clock clock;

	GenericAwaitValidationTasklet(GenericDeliveryClient generic, DeliveryJournals journals, ScbProperties properties,
			Clock clock) {
		this.generic = generic;
		this.journals = journals;
		this.pacer = new PollPacer(properties.poll(), clock);
		this.clock = clock;
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
		logger.info("Ticket {}: {}", ticket, state);
		if (state != ProcessingState.PROCESSED) {
			this.journals.update(execution, (journal) -> journal.withCurrentAttempt(UploadAttempt::polled));
			return RepeatStatus.CONTINUABLE;
		}
		ValidationResult result = this.generic.result(new Ticket(ticket));
		this.journals.update(execution, (journal) -> journal.withLastAnswer(new GenericAnswer(result))
			.withCurrentAttempt((attempt) -> attempt.polled()
				.ended(new GenericVerdict(result.successfulValidation()), execution.getId(), this.clock.instant())));
		logger.info("Ticket {}: successfulValidation {}, {} errors", ticket, result.successfulValidation(),
				result.errors().size());
		return RepeatStatus.FINISHED;
	}

	@Override
	public void stop() {
		this.pacer.stop();
	}

}
