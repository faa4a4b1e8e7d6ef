package se.scbdelivery.delivery.gdb;

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
import org.springframework.beans.factory.annotation.Autowired;

import se.scbdelivery.config.ScbEnvironment;
import se.scbdelivery.delivery.DeliveryJobParameters;
import se.scbdelivery.delivery.DeliveryJobTestSupport;
import se.scbdelivery.delivery.GdbDeliveryRequest;
import se.scbdelivery.delivery.JobExecutions;
import se.scbdelivery.simulator.gdb.ReceivedFragment;
import se.scbdelivery.simulator.server.Faults.Call;
import se.scbdelivery.testsupport.TestFiles;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The upload step's restart contract, at the job level: when fragment k fails for good,
 * the execution fails with the step context pointing at k; the restart sends k first,
 * never 0..k-1 again, and SCB ends up with exactly the file.
 */
class FragmentUploadRestartTest extends DeliveryJobTestSupport {

	@Autowired
	private Job gdbDeliveryJob;

	@BeforeEach
	void theGdbJob() {
		this.jobs.setJob(this.gdbDeliveryJob);
	}

	@Test
	void restartSendsFragmentKFirstAndNeverTheFragmentsBeforeIt() throws Exception {
		// given a 6-fragment file whose fragment 3 SCB refuses with 500 through every
		// retry
		Path file = TestFiles.xml(WORK.resolve("inbox"), "krita.xml", 5_500, null);
		GdbDeliveryRequest request = GdbDeliveryRequest.of(file, "9990000045", "KRITA", "2024-06-30", "KRITA_MONTHLY",
				null, null);
		JobParameters parameters = DeliveryJobParameters.of(ScbEnvironment.TEST, request,
				this.inputCheck.checkFile(file));
		this.scb.faults().respond(Call.FRAGMENT, 3, Integer.MAX_VALUE, 500);

		// when the job runs
		JobExecution failed = this.runs.start(parameters);

		// then it fails in the upload step with the position of fragment 3 saved
		assertThat(failed.getStatus()).isEqualTo(BatchStatus.FAILED);
		StepExecution upload = JobExecutions.lastStep(failed, "uploadFragments");
		assertThat(upload.getStatus()).isEqualTo(BatchStatus.FAILED);
		assertThat(upload.getExecutionContext().getInt("fragments.next")).isEqualTo(3);
		assertThat(upload.getCommitCount()).isEqualTo(3);
		assertThat(indexes(this.scb.fragments())).containsExactly(0, 1, 2, 3, 3);

		// when SCB recovers and the job is restarted
		this.scb.faults().clear();
		int before = this.scb.fragments().size();
		JobExecution restarted = this.runs.restart(failed);

		// then fragment 3 is the first sent, 0..2 never again, and SCB holds exactly the
		// file
		assertThat(restarted.getStatus()).isEqualTo(BatchStatus.COMPLETED);
		assertThat(restarted.getExitStatus().getExitCode()).isEqualTo("LOADED");
		assertThat(restarted.getJobInstance()).isEqualTo(failed.getJobInstance());
		List<ReceivedFragment> resent = this.scb.fragments().subList(before, this.scb.fragments().size());
		assertThat(indexes(resent)).containsExactly(3, 4, 5, -1);
		assertThat(this.scb.deliveries()).singleElement()
			.satisfies((delivery) -> assertThat(delivery.content()).isEqualTo(Files.readAllBytes(file)));
		// fragments 3, 4, 5 and the completion, in the restart that then waited for SCB
		assertThat(JobExecutions.lastStep(this.runs.first(), "uploadFragments").getWriteCount()).isEqualTo(4);
	}

	private static List<Integer> indexes(List<ReceivedFragment> fragments) {
		return fragments.stream().map(ReceivedFragment::index).toList();
	}

	@Test
	void theValidateStepRefusesAFileChangedSinceTheDeliveryBeganAndSendsNothing() throws Exception {
		// given job parameters made for one version of the file
		Path file = TestFiles.xml(WORK.resolve("inbox"), "changing.xml", 1_500, null);
		GdbDeliveryRequest request = GdbDeliveryRequest.of(file, "9990000045", "VINN", "2024-06-30", "V40", null, null);
		JobParameters parameters = DeliveryJobParameters.of(ScbEnvironment.TEST, request,
				this.inputCheck.checkFile(file));
		// when the file changes before the execution starts
		Files.writeString(file, "<changed/>");
		JobExecution execution = this.runs.start(parameters);

		// then the validate step fails it as invalid input, before the heartbeat step,
		// and SCB hears nothing
		assertThat(execution.getStatus()).isEqualTo(BatchStatus.FAILED);
		assertThat(execution.getExitStatus().getExitCode()).isEqualTo("INVALID_INPUT");
		assertThat(execution.getExitStatus().getExitDescription()).contains("has changed since this delivery began")
			.contains("a changed file is a new delivery");
		assertThat(JobExecutions.lastStep(execution, "validateDelivery").getStatus()).isEqualTo(BatchStatus.FAILED);
		assertThat(execution.getStepExecutions()).extracting(StepExecution::getStepName)
			.containsExactly("validateDelivery");
		assertThat(this.scb.heartbeatCount()).isZero();
		assertThat(this.scb.fragments()).isEmpty();
	}

}
