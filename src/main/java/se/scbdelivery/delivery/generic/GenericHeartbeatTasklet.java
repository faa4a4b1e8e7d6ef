package se.scbdelivery.delivery.generic;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import org.springframework.batch.core.scope.context.ChunkContext;
import org.springframework.batch.core.step.StepContribution;
import org.springframework.batch.core.step.tasklet.Tasklet;
import org.springframework.batch.infrastructure.repeat.RepeatStatus;

import se.scbdelivery.delivery.journal.DeliveryJournals;
import se.scbdelivery.scb.generic.GenericDeliveryClient;

/**
 * The first call to the generic service, which initialises the certificate authentication
 * before the POST and the polls. Not needed once SCB's verdict is recorded.
 */
class GenericHeartbeatTasklet implements Tasklet {

	private static final Logger logger = LoggerFactory.getLogger(GenericHeartbeatTasklet.class);

	private final GenericDeliveryClient generic;

	private final DeliveryJournals journals;

	GenericHeartbeatTasklet(GenericDeliveryClient generic, DeliveryJournals journals) {
		this.generic = generic;
		this.journals = journals;
	}

	@Override
	public RepeatStatus execute(StepContribution contribution, ChunkContext chunkContext) {
		if (this.journals.read(chunkContext.getStepContext().getStepExecution().getJobExecution()).isSettled()) {
			logger.info("SCB's verdict is recorded: no call needed");
			return RepeatStatus.FINISHED;
		}
		this.generic.heartbeat();
		return RepeatStatus.FINISHED;
	}

}
