package se.scbdelivery.delivery;

import java.time.Clock;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import org.springframework.batch.core.BatchStatus;
import org.springframework.batch.core.job.JobExecution;
import org.springframework.batch.core.scope.context.ChunkContext;
import org.springframework.batch.core.step.StepContribution;
import org.springframework.batch.core.step.tasklet.Tasklet;
import org.springframework.batch.infrastructure.repeat.RepeatStatus;

import se.scbdelivery.scb.generic.GenericDeliveryClient;
import se.scbdelivery.scb.generic.Ticket;
import se.scbdelivery.scb.generic.ValidationResult;

/**
 * {@code GET api/v1/delivery/{ticket}}: keeps SCB's whole DeliveryResult — every error with
 * its row errors, and the answer as received — in the journal, then writes the report.
 */
class ValidationReportTasklet implements Tasklet {

	private static final Logger logger = LoggerFactory.getLogger(ValidationReportTasklet.class);

	private final GenericDeliveryClient generic;

	private final DeliveryJournals journals;

	private final DeliveryReports reports;

	private final Clock clock;

	ValidationReportTasklet(GenericDeliveryClient generic, DeliveryJournals journals, DeliveryReports reports,
			Clock clock) {
		this.generic = generic;
		this.journals = journals;
		this.reports = reports;
		this.clock = clock;
	}

	@Override
	public RepeatStatus execute(StepContribution contribution, ChunkContext chunkContext) {
		JobExecution execution = chunkContext.getStepContext().getStepExecution().getJobExecution();
		Ticket ticket = new Ticket(this.journals.read(execution).ticket());
		ValidationResult result = this.generic.result(ticket);
		DeliveryJournal journal = this.journals.update(execution, (j) -> j.withValidation(result).withCurrentAttempt(
				(attempt) -> attempt.validated(result.successfulValidation(), execution.getId(), this.clock.instant())));
		logger.info("Ticket {}: successfulValidation {}, {} errors", ticket, result.successfulValidation(),
				result.errors().size());
		DeliveryReport report = this.reports.assemble(execution, journal, BatchStatus.COMPLETED,
				DeliveryOutcome.ofFinalStatus(journal), null);
		String path = this.reports.write(report).toString();
		this.journals.update(execution, (j) -> j.withReportFile(path));
		return RepeatStatus.FINISHED;
	}

}
