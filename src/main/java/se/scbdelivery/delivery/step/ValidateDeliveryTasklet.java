package se.scbdelivery.delivery.step;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import org.springframework.batch.core.job.JobExecution;
import org.springframework.batch.core.scope.context.ChunkContext;
import org.springframework.batch.core.step.StepContribution;
import org.springframework.batch.core.step.tasklet.Tasklet;
import org.springframework.batch.infrastructure.repeat.RepeatStatus;

import se.scbdelivery.config.ConsoleLogFilter;
import se.scbdelivery.delivery.FileFingerprint;
import se.scbdelivery.delivery.journal.DeliveryJournal;
import se.scbdelivery.delivery.journal.DeliveryJournals;
import se.scbdelivery.delivery.journal.JournalEntry;
import se.scbdelivery.delivery.launch.DeliveryInputCheck;

/**
 * The first step of both jobs: re-checks, at every start and restart and before every
 * re-upload, what was checked before the execution was created: the file is still there
 * and unchanged (a changed file is a new delivery), the certificate still usable. Notes
 * the file's size in the journal once.
 */
public class ValidateDeliveryTasklet implements Tasklet {

	private static final Logger logger = LoggerFactory.getLogger(ValidateDeliveryTasklet.class);

	private final DeliveryInputCheck inputCheck;

	private final DeliveryJournals journals;

	public ValidateDeliveryTasklet(DeliveryInputCheck inputCheck, DeliveryJournals journals) {
		this.inputCheck = inputCheck;
		this.journals = journals;
	}

	@Override
	public RepeatStatus execute(StepContribution contribution, ChunkContext chunkContext) {
		JobExecution execution = chunkContext.getStepContext().getStepExecution().getJobExecution();
		FileFingerprint file = this.inputCheck.checkUnchanged(execution.getJobParameters(), "this delivery");
		DeliveryJournal journal = this.journals.read(execution);
		for (String warning : this.inputCheck.checkCertificate()) {
			// a month-end scan of thousands of files says it once on the console; every
			// report and the log file say it each time
			logger.warn(ConsoleLogFilter.ONCE, warning);
			// checked again before each re-upload after Systemfel: noted once per
			// execution
			if (journal.entries()
				.stream()
				.noneMatch((e) -> e.execution() == execution.getId() && e.message().equals(warning))) {
				journal = this.journals.note(execution, JournalEntry.Kind.WARNING, warning, null);
			}
		}
		if (journal.fileSize() == 0) {
			this.journals.update(execution, (j) -> j.withFile(file.size(), 0, 0));
		}
		return RepeatStatus.FINISHED;
	}

}
