package se.scbdelivery.delivery.step;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import org.springframework.batch.core.scope.context.ChunkContext;
import org.springframework.batch.core.step.StepContribution;
import org.springframework.batch.core.step.tasklet.Tasklet;
import org.springframework.batch.infrastructure.repeat.RepeatStatus;

import se.scbdelivery.delivery.outcome.DeliveryReportWriter;

/**
 * The last step of both jobs: writes the report of a delivery SCB has given its verdict
 * on. Should it fail, a restart runs only this step again: SCB is not asked again.
 */
public class WriteReportTasklet implements Tasklet {

	private static final Logger logger = LoggerFactory.getLogger(WriteReportTasklet.class);

	private final DeliveryReportWriter reportWriter;

	public WriteReportTasklet(DeliveryReportWriter reportWriter) {
		this.reportWriter = reportWriter;
	}

	@Override
	public RepeatStatus execute(StepContribution contribution, ChunkContext chunkContext) {
		logger.debug("Report written to {}",
				this.reportWriter.writeCompleted(chunkContext.getStepContext().getStepExecution().getJobExecution()));
		return RepeatStatus.FINISHED;
	}

}
