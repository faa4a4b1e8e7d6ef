package se.scbdelivery.delivery.generic;

import java.nio.file.Files;
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
import se.scbdelivery.delivery.GenericDeliveryRequest;
import se.scbdelivery.simulator.server.Faults.Call;
import se.scbdelivery.simulator.server.Gate;

import static org.assertj.core.api.Assertions.assertThat;
import static se.scbdelivery.delivery.JobExecutions.stepNames;

/**
 * The generic job under a lease another process took over during its heartbeat: the POST
 * that would follow confirms the lease first, finds it lost, and is never sent.
 */
class GenericLostLeaseTest extends DeliveryJobTestSupport {

	@Autowired
	private Job genericDeliveryJob;

	private JobParameters parameters;

	@BeforeEach
	void aCsvFile(TestInfo test) throws Exception {
		this.jobs.setJob(this.genericDeliveryJob);
		String name = test.getTestMethod().orElseThrow().getName();
		Path dir = Files.createDirectories(WORK.resolve("generic-lost-lease-" + name));
		Path file = Files.writeString(dir.resolve("salaries.csv"), "org;amount;test\n9990000045;1200;" + name + "\n");
		GenericDeliveryRequest request = GenericDeliveryRequest.of(file, "C-1", "9990000045", null, null, true);
		this.parameters = DeliveryJobParameters.of(ScbEnvironment.TEST, request, this.inputCheck.checkFile(file));
	}

	@Test
	void aLeaseLostBeforeThePostNeverPosts() throws Exception {
		Gate gate = this.scb.faults().gate(Call.GENERIC_HEARTBEAT, null);
		JobExecution failed = this.runs.startTakenOverAt(this.parameters, gate, "other-host:4711");

		assertThat(failed.getStatus()).isEqualTo(BatchStatus.FAILED);
		assertThat(stepNames(failed)).endsWith("submitDelivery");
		assertThat(this.scb.genericSubmissions()).isEmpty();
		assertThat(failed.getExitStatus().getExitDescription())
			.startsWith("another process (other-host:4711) took over the delivery of "
					+ DeliveryJobParameters.file(this.parameters));
	}

}
