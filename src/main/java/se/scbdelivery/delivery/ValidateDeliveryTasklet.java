package se.scbdelivery.delivery;

import java.nio.file.Path;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import org.springframework.batch.core.job.JobExecution;
import org.springframework.batch.core.scope.context.ChunkContext;
import org.springframework.batch.core.step.StepContribution;
import org.springframework.batch.core.step.tasklet.Tasklet;
import org.springframework.batch.infrastructure.repeat.RepeatStatus;

import se.scbdelivery.config.ScbProperties;

/**
 * Re-checks, at every start and restart and before every re-upload, what was checked before the
 * execution was created:
 * the file is still there and unchanged (a changed file is a new delivery), the certificate
 * still usable. For a fragmented upload it fixes the fragment size for the life of the
 * delivery, so a resumed upload cuts the file exactly as before.
 */
class ValidateDeliveryTasklet implements Tasklet {

	private static final Logger logger = LoggerFactory.getLogger(ValidateDeliveryTasklet.class);

	private final DeliveryInputCheck inputCheck;

	private final DeliveryJournals journals;

	/** The fragment size, or 0 when the file goes whole. */
	private final int fragmentSize;

	private ValidateDeliveryTasklet(DeliveryInputCheck inputCheck, DeliveryJournals journals, int fragmentSize) {
		this.inputCheck = inputCheck;
		this.journals = journals;
		this.fragmentSize = fragmentSize;
	}

	/** For GDB: the file goes in fragments of {@code scb.upload.fragment-size}. */
	static ValidateDeliveryTasklet fragmented(DeliveryInputCheck inputCheck, DeliveryJournals journals,
			ScbProperties properties) {
		return new ValidateDeliveryTasklet(inputCheck, journals, properties.upload().fragmentSize());
	}

	/** For the generic service: the file goes whole. */
	static ValidateDeliveryTasklet wholeFile(DeliveryInputCheck inputCheck, DeliveryJournals journals) {
		return new ValidateDeliveryTasklet(inputCheck, journals, 0);
	}

	@Override
	public RepeatStatus execute(StepContribution contribution, ChunkContext chunkContext) {
		JobExecution execution = chunkContext.getStepContext().getStepExecution().getJobExecution();
		Path file = DeliveryJobParameters.file(execution.getJobParameters());
		FileFingerprint expected = DeliveryJobParameters.fingerprint(execution.getJobParameters());
		FileFingerprint actual = (this.fragmentSize > 0) ? this.inputCheck.checkFileAndSettings(file)
				: this.inputCheck.checkFile(file);
		if (!actual.equals(expected)) {
			throw new InvalidDeliveryInputException("file " + file
					+ " has changed since this delivery began (SHA-256 " + abbreviate(expected.sha256()) + " then, "
					+ abbreviate(actual.sha256()) + " now): a changed file is a new delivery; deliver it with 'deliver'");
		}
		DeliveryJournal journal = this.journals.read(execution);
		for (String warning : this.inputCheck.checkCertificate()) {
			logger.warn(warning);
			// checked again before each re-upload after Systemfel: noted once per execution
			if (journal.entries().stream().noneMatch((e) -> e.execution() == execution.getId() && e.message().equals(warning))) {
				journal = this.journals.note(execution, JournalEntry.Kind.WARNING, warning, null);
			}
		}
		if (journal.fileSize() == 0) {
			int fragments = (this.fragmentSize > 0) ? new FragmentPlan(actual.size(), this.fragmentSize).count() : 0;
			this.journals.update(execution, (j) -> j.withFile(actual.size(), fragments, this.fragmentSize));
		}
		return RepeatStatus.FINISHED;
	}

	private static String abbreviate(String sha256) {
		return sha256.substring(0, 12) + "…";
	}

}
