package se.scbdelivery.delivery.gdb;

import java.nio.file.Path;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInfo;

import org.springframework.batch.core.BatchStatus;
import org.springframework.batch.core.job.Job;
import org.springframework.batch.core.job.JobExecution;
import org.springframework.batch.core.job.parameters.JobParameters;
import org.springframework.beans.factory.annotation.Autowired;

import se.scbdelivery.config.ScbEnvironment;
import se.scbdelivery.delivery.DeliveryJobParameters;
import se.scbdelivery.delivery.DeliveryJobTestSupport;
import se.scbdelivery.delivery.GdbDeliveryRequest;
import se.scbdelivery.simulator.gdb.ReceivedFragment;
import se.scbdelivery.simulator.server.Faults.Call;
import se.scbdelivery.simulator.server.Gate;
import se.scbdelivery.testsupport.TestFiles;

import static org.assertj.core.api.Assertions.assertThat;
import static se.scbdelivery.delivery.JobExecutions.stepNames;

/**
 * The GDB job under a lease another process took over while SCB held one of its requests
 * (as after this process stalled past {@code scb.recovery.stale-after}): the step that
 * comes next confirms the lease before it calls SCB, finds it lost, and the execution
 * fails with the one line that says so, sending SCB nothing more.
 */
class GdbLostLeaseTest extends DeliveryJobTestSupport {

	private static final String TAKER = "other-host:4711";

	@Autowired
	private Job gdbDeliveryJob;

	private JobParameters parameters;

	@BeforeEach
	void aThreeFragmentFile(TestInfo test) {
		this.jobs.setJob(this.gdbDeliveryJob);
		Path file = TestFiles.xml(WORK.resolve("lost-lease-" + test.getTestMethod().orElseThrow().getName()),
				"vinn.xml", 2_500, null);
		GdbDeliveryRequest request = GdbDeliveryRequest.of(file, "9990000045", "VINN", "2024-06-30", "V40", null, null);
		this.parameters = DeliveryJobParameters.of(ScbEnvironment.TEST, request, this.inputCheck.checkFile(file));
	}

	@Test
	void aLeaseLostWhileAFragmentIsAtScbSendsNoFurtherFragment() throws Exception {
		// given SCB holding fragment 1 when another process takes the delivery over
		Gate gate = this.scb.faults().gate(Call.FRAGMENT, 1);
		JobExecution failed = this.runs.startTakenOverAt(this.parameters, gate, TAKER);

		// then fragment 1 is answered, and nothing follows it
		assertThat(failed.getStatus()).isEqualTo(BatchStatus.FAILED);
		assertThat(this.scb.fragments().stream().map(ReceivedFragment::index)).containsExactly(0, 1);
		assertThat(this.scb.deliveries()).isEmpty();
		assertThat(failed.getExitStatus().getExitCode()).isEqualTo("FAILED");
		assertThat(failed.getExitStatus().getExitDescription()).startsWith("another process (" + TAKER
				+ ") took over the delivery of " + DeliveryJobParameters.file(this.parameters)
				+ " after this process stalled for longer than scb.recovery.stale-after (2m) without renewing its lease:"
				+ " this process sends SCB nothing more for it");
	}

	@Test
	void aLeaseLostDuringTheCompletionSendsNoPoll() throws Exception {
		Gate gate = this.scb.faults().gate(Call.COMPLETION, null);
		JobExecution failed = this.runs.startTakenOverAt(this.parameters, gate, TAKER);

		assertThat(failed.getStatus()).isEqualTo(BatchStatus.FAILED);
		assertThat(stepNames(failed)).endsWith("uploadFragments", "awaitProcessing");
		String deliveryId = this.scb.deliveries().get(0).deliveryId().value();
		assertThat(this.scb.historyCalls(deliveryId)).isZero();
		assertThat(failed.getExitStatus().getExitDescription()).contains("took over the delivery of");
	}

}
