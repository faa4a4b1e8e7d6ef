package se.scbdelivery.delivery;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import org.springframework.batch.core.BatchStatus;
import org.springframework.batch.core.job.Job;
import org.springframework.batch.core.job.JobExecution;
import org.springframework.batch.core.job.parameters.JobParameters;
import org.springframework.batch.core.step.StepExecution;
import org.springframework.batch.test.JobOperatorTestUtils;
import org.springframework.batch.test.context.SpringBatchTest;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

import se.scbdelivery.scb.ScbEnvironment;
import se.scbdelivery.simulator.ScbStandIn;
import se.scbdelivery.simulator.gdb.ReceivedFragment;
import se.scbdelivery.simulator.server.Faults.Call;
import se.scbdelivery.testsupport.SharedStandIn;
import se.scbdelivery.testsupport.TestFiles;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The upload step's restart contract, at the job level: when fragment k fails for good, the
 * execution fails with the step context pointing at k; the restart sends k first, never
 * 0..k-1 again, and SCB ends up with exactly the file.
 */
@SpringBatchTest
@SpringBootTest(properties = { "scb.cli.enabled=false", "scb.upload.fragment-size=1000", "scb.poll.interval=10ms",
		"scb.poll.max-interval=20ms", "scb.http.initial-backoff=1ms", "scb.http.max-backoff=2ms",
		"scb.http.max-attempts=2" })
class FragmentUploadRestartTest {

	private static final Path WORK = TestFolders.create("scb-delivery-restart");

	private final ScbStandIn scb = SharedStandIn.get();

	@Autowired
	private JobOperatorTestUtils jobs;

	@Autowired
	private DeliveryInputCheck inputCheck;

	@Autowired
	private Job gdbDeliveryJob;

	@DynamicPropertySource
	static void standInAndRepository(DynamicPropertyRegistry registry) {
		registry.add("scb.gdb.base-url", () -> SharedStandIn.get().gdbBaseUrl().toString());
		registry.add("scb.report.dir", () -> WORK.resolve("reports").toString());
		registry.add("spring.datasource.url",
				() -> "jdbc:h2:file:" + WORK.resolve("h2/restart") + ";DB_CLOSE_ON_EXIT=FALSE;WRITE_DELAY=0");
	}

	@BeforeEach
	void freshStandInAndTheGdbJob() {
		this.scb.reset();
		this.jobs.setJob(this.gdbDeliveryJob);
	}

	@Test
	void restartSendsFragmentKFirstAndNeverTheFragmentsBeforeIt() throws Exception {
		// given a 6-fragment file whose fragment 3 SCB refuses with 500 through every retry
		Path file = TestFiles.xml(WORK.resolve("inbox"), "krita.xml", 5_500, null);
		DeliveryRequest request = DeliveryRequest.of(file, "9990000045", "KRITA", "2024-06-30", "KRITA_MONTHLY", null,
				null);
		JobParameters parameters = DeliveryJobParameters.of(ScbEnvironment.TEST, request,
				this.inputCheck.checkFileAndSettings(file));
		this.scb.faults().respond(Call.FRAGMENT, 3, Integer.MAX_VALUE, 500);

		// when the job runs
		JobExecution failed = this.jobs.startJob(parameters);

		// then it fails in the upload step with the position of fragment 3 saved
		assertThat(failed.getStatus()).isEqualTo(BatchStatus.FAILED);
		StepExecution upload = Steps.last(failed, "uploadFragments");
		assertThat(upload.getStatus()).isEqualTo(BatchStatus.FAILED);
		assertThat(upload.getExecutionContext().getInt("fragments.next")).isEqualTo(3);
		assertThat(upload.getCommitCount()).isEqualTo(3);
		assertThat(indexes(this.scb.fragments())).containsExactly(0, 1, 2, 3, 3);

		// when SCB recovers and the job is restarted
		this.scb.faults().clear();
		int before = this.scb.fragments().size();
		JobExecution restarted = this.jobs.getJobOperator().restart(failed);

		// then fragment 3 is the first sent, 0..2 never again, and SCB holds exactly the file
		assertThat(restarted.getStatus()).isEqualTo(BatchStatus.COMPLETED);
		assertThat(restarted.getExitStatus().getExitCode()).isEqualTo("LOADED");
		assertThat(restarted.getJobInstance()).isEqualTo(failed.getJobInstance());
		List<ReceivedFragment> resent = this.scb.fragments().subList(before, this.scb.fragments().size());
		assertThat(indexes(resent)).containsExactly(3, 4, 5, -1);
		assertThat(this.scb.deliveries()).singleElement()
			.satisfies((delivery) -> assertThat(delivery.content()).isEqualTo(Files.readAllBytes(file)));
		// fragments 3, 4, 5 and the completion
		assertThat(Steps.last(restarted, "uploadFragments").getWriteCount()).isEqualTo(4);
	}

	private static List<Integer> indexes(List<ReceivedFragment> fragments) {
		return fragments.stream().map(ReceivedFragment::index).toList();
	}

	@Test
	void thePrepareStepRefusesAFileChangedSinceTheDeliveryBeganAndSendsNothing() throws Exception {
		// given job parameters made for one version of the file
		Path file = TestFiles.xml(WORK.resolve("inbox"), "changing.xml", 1_500, null);
		DeliveryRequest request = DeliveryRequest.of(file, "9990000045", "VINN", "2024-06-30", "V40", null, null);
		JobParameters parameters = DeliveryJobParameters.of(ScbEnvironment.TEST, request,
				this.inputCheck.checkFileAndSettings(file));
		// when the file changes before the execution starts
		Files.writeString(file, "<changed/>");
		JobExecution execution = this.jobs.startJob(parameters);

		// then the prepare step fails it as invalid input before its heartbeat, and SCB hears nothing
		assertThat(execution.getStatus()).isEqualTo(BatchStatus.FAILED);
		assertThat(execution.getExitStatus().getExitCode()).isEqualTo("INVALID_INPUT");
		assertThat(execution.getExitStatus().getExitDescription()).contains("has changed since this delivery began")
			.contains("a changed file is a new delivery");
		assertThat(Steps.last(execution, "prepareUpload").getStatus()).isEqualTo(BatchStatus.FAILED);
		assertThat(this.scb.heartbeatCount()).isZero();
		assertThat(this.scb.fragments()).isEmpty();
	}

	/**
	 * Kept out of the test class: {@code @SpringBatchTest} takes any of its methods returning
	 * a StepExecution for a step scope factory.
	 */
	static final class Steps {

		static StepExecution last(JobExecution execution, String name) {
			return execution.getStepExecutions()
				.stream()
				.filter((step) -> step.getStepName().equals(name))
				.reduce((first, second) -> second)
				.orElseThrow();
		}

	}

	/** Temporary folders that outlive a test instance (the Spring context is cached). */
	static final class TestFolders {

		static Path create(String prefix) {
			try {
				return Files.createTempDirectory(prefix);
			}
			catch (IOException ex) {
				throw new java.io.UncheckedIOException(ex);
			}
		}

	}

}
