package se.scbdelivery.delivery.step;

import org.springframework.batch.core.repository.JobRepository;
import org.springframework.batch.core.step.Step;
import org.springframework.batch.core.step.builder.StepBuilder;
import org.springframework.transaction.PlatformTransactionManager;

import se.scbdelivery.delivery.journal.DeliveryJournals;
import se.scbdelivery.delivery.launch.DeliveryInputCheck;
import se.scbdelivery.delivery.outcome.DeliveryReportWriter;

/** The first and the last step of both jobs, built the same way for each. */
public final class SharedSteps {

	private SharedSteps() {
	}

	/**
	 * {@code validateDelivery}: at every start and restart, and before every re-upload.
	 */
	public static Step validateDelivery(JobRepository jobRepository, PlatformTransactionManager transactionManager,
			DeliveryInputCheck inputCheck, DeliveryJournals journals) {
		return new StepBuilder("validateDelivery", jobRepository)
			.tasklet(new ValidateDeliveryTasklet(inputCheck, journals), transactionManager)
			.allowStartIfComplete(true)
			.build();
	}

	/** {@code writeReport}: once SCB's verdict is recorded. */
	public static Step writeReport(JobRepository jobRepository, PlatformTransactionManager transactionManager,
			DeliveryReportWriter reportWriter) {
		return new StepBuilder("writeReport", jobRepository)
			.tasklet(new WriteReportTasklet(reportWriter), transactionManager)
			.build();
	}

}
