package se.scbdelivery.delivery;

import org.springframework.batch.core.BatchStatus;
import org.springframework.batch.core.job.JobExecution;
import org.springframework.batch.core.scope.context.ChunkContext;
import org.springframework.batch.core.step.StepContribution;
import org.springframework.batch.core.step.tasklet.Tasklet;
import org.springframework.batch.infrastructure.repeat.RepeatStatus;

/** Writes the report of a delivery SCB has finished with, under {@code scb.report.dir}. */
class WriteReportTasklet implements Tasklet {

	private final DeliveryJournals journals;

	private final DeliveryReports reports;

	WriteReportTasklet(DeliveryJournals journals, DeliveryReports reports) {
		this.journals = journals;
		this.reports = reports;
	}

	@Override
	public RepeatStatus execute(StepContribution contribution, ChunkContext chunkContext) {
		JobExecution execution = chunkContext.getStepContext().getStepExecution().getJobExecution();
		DeliveryJournal journal = this.journals.read(execution);
		DeliveryReport report = this.reports.assemble(execution, journal, BatchStatus.COMPLETED,
				DeliveryOutcome.ofFinalStatus(journal), null);
		String path = this.reports.write(report).toString();
		this.journals.update(execution, (j) -> j.withReportFile(path));
		return RepeatStatus.FINISHED;
	}

}
