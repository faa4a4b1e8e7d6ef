package se.scbdelivery.delivery;

import java.util.ArrayList;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CompletableFuture;
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
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

import se.scbdelivery.delivery.launch.DeliveryInputCheck;
import se.scbdelivery.delivery.launch.DeliveryLocks;
import se.scbdelivery.delivery.launch.TestLeases;
import se.scbdelivery.simulator.ScbStandIn;
import se.scbdelivery.simulator.server.Gate;
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

	@Autowired
	private DeliveryLocks locks;

	@Autowired
	private JdbcTemplate jdbc;

	@DynamicPropertySource
	static void productSettings(DynamicPropertyRegistry registry) {
		SETTINGS.registerIn(registry);
	}

	@BeforeEach
	void freshStandIn() {
		this.scb.reset();
	}

	/**
	 * Runs the job as the launcher does: under the delivery's lease, an execution that
	 * stops waiting for SCB's verdict is followed and restarted until it has finished.
	 * (Not methods of the test: Spring Batch's test listeners take any method returning
	 * an execution for a factory.)
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
			try (TestLeases.Held lease = lease(parameters)) {
				return untilFinished(DeliveryJobTestSupport.this.jobs.startJob(parameters));
			}
		}

		/**
		 * Starts the job under its lease, which another process takes over while the gate
		 * holds a request at SCB (as after this one stalled past
		 * {@code scb.recovery.stale-after}); the gate lets the request go after that.
		 */
		public JobExecution startTakenOverAt(JobParameters parameters, Gate gate, String taker) throws Exception {
			this.executions.clear();
			try (TestLeases.Held lease = lease(parameters)) {
				CompletableFuture<JobExecution> run = CompletableFuture.supplyAsync(() -> {
					try {
						return DeliveryJobTestSupport.this.jobs.startJob(parameters);
					}
					catch (Exception ex) {
						throw new IllegalStateException(ex);
					}
				});
				gate.awaitArrival(Duration.ofSeconds(30));
				lease.takenOverBy(taker);
				gate.release();
				JobExecution execution = run.get(30, TimeUnit.SECONDS);
				this.executions.add(execution);
				return execution;
			}
		}

		public JobExecution restart(JobExecution execution) throws Exception {
			try (TestLeases.Held lease = lease(execution.getJobParameters())) {
				return untilFinished(DeliveryJobTestSupport.this.jobs.getJobOperator().restart(execution));
			}
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

	/** The delivery's lease, as the launcher takes it around a run. */
	protected final TestLeases.Held lease(JobParameters parameters) {
		return TestLeases.hold(this.locks, this.jdbc, parameters);
	}

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
