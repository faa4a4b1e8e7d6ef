package se.scbdelivery.delivery;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;

import org.springframework.batch.core.BatchStatus;
import org.springframework.batch.core.job.JobExecution;
import org.springframework.batch.core.job.parameters.JobParameters;
import se.scbdelivery.delivery.outcome.DeliveryOutcome;
import se.scbdelivery.delivery.waiting.DeliveryFollower;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;

import org.junit.jupiter.api.BeforeEach;

import org.springframework.batch.test.JobOperatorTestUtils;
import org.springframework.batch.test.context.SpringBatchTest;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

import se.scbdelivery.delivery.launch.DeliveryInputCheck;
import se.scbdelivery.simulator.ScbStandIn;
import se.scbdelivery.testsupport.ProductContextTest;
import se.scbdelivery.testsupport.ProductSettings;
import se.scbdelivery.testsupport.SharedStandIn;

/**
 * The set-up of tests that run a delivery job itself, step by step, against the shared
 * stand-in, with the product's standard test settings. One Spring context serves every
 * such test class.
 */
@SpringBatchTest
@ProductContextTest
public abstract class DeliveryJobTestSupport {

	private static final ProductSettings SETTINGS = ProductSettings.standard(DeliveryJobTestSupport.class)
		.standIn(SharedStandIn.get());

	/** Outlives a test instance, as the Spring context is cached. */
	protected static final Path WORK = SETTINGS.work();

	protected final ScbStandIn scb = SharedStandIn.get();

	@Autowired
	protected JobOperatorTestUtils jobs;

	@Autowired
	protected DeliveryInputCheck inputCheck;

	@Autowired
	private DeliveryFollower follower;

	@DynamicPropertySource
	static void productSettings(DynamicPropertyRegistry registry) {
		SETTINGS.registerIn(registry);
	}

	@BeforeEach
	void freshStandIn() {
		this.scb.reset();
	}

	/**
	 * Runs the job as the launcher does: an execution that stops waiting for SCB's
	 * verdict is followed and restarted until it has finished. (Not methods of the test:
	 * Spring Batch's test listeners take any method returning an execution for a
	 * factory.)
	 */
	protected final class JobRuns {

		private final List<JobExecution> executions = new ArrayList<>();

		/**
		 * The steps of the executions the last start or restart ran, in order: one
		 * delivery that waited for SCB is two executions.
		 */
		/** The first execution the last start or restart ran. */
		public JobExecution first() {
			return this.executions.get(0);
		}

		public List<String> steps() {
			return this.executions.stream()
				.flatMap((execution) -> JobExecutions.stepNames(execution).stream())
				.toList();
		}

		public JobExecution start(JobParameters parameters) throws Exception {
			return untilFinished(DeliveryJobTestSupport.this.jobs.startJob(parameters));
		}

		public JobExecution restart(JobExecution execution) throws Exception {
			return untilFinished(DeliveryJobTestSupport.this.jobs.getJobOperator().restart(execution));
		}

		private JobExecution untilFinished(JobExecution execution) throws Exception {
			this.executions.clear();
			this.executions.add(execution);
			JobExecution current = execution;
			while (current.getStatus() == BatchStatus.STOPPED
					&& DeliveryOutcome.WAITING.name().equals(current.getExitStatus().getExitCode())) {
				DeliveryJobTestSupport.this.follower.follow(current).get(1, TimeUnit.MINUTES);
				current = DeliveryJobTestSupport.this.jobs.getJobOperator().restart(current);
				this.executions.add(current);
			}
			return current;
		}

	}

	protected final JobRuns runs = new JobRuns();

	/**
	 * Makes {@code scb.report.dir} unusable (a file where the folder should be) until the
	 * returned handle is closed.
	 */
	protected static AutoCloseable reportFolderBlocked() throws IOException {
		Path reports = WORK.resolve("reports");
		Path aside = WORK.resolve("reports-aside");
		if (Files.exists(reports)) {
			Files.move(reports, aside);
		}
		Files.writeString(reports, "not a folder");
		return () -> {
			Files.delete(reports);
			if (Files.exists(aside)) {
				Files.move(aside, reports);
			}
		};
	}

}
