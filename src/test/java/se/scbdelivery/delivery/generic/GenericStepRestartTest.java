package se.scbdelivery.delivery.generic;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

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
import se.scbdelivery.simulator.generic.GenericSubmissionReceived;

import static org.assertj.core.api.Assertions.assertThat;
import static se.scbdelivery.delivery.JobExecutions.lastStep;
import static se.scbdelivery.delivery.JobExecutions.stepNames;

/**
 * The generic job's five steps as the job repository records them, and a restart after a
 * failure in each: it resumes at the step that failed, and a saved ticket is never posted
 * again. The stand-in answers "still processing" to the upload's own poll, so each
 * delivery waits once: its execution stops at the poll step, the follower polls, and the
 * restart after SCB's final answer takes the verdict (the submit step is not run again).
 */
class GenericStepRestartTest extends DeliveryJobTestSupport {

	private static final String VALIDATE = "validateDelivery";

	private static final String HEARTBEAT = "heartbeat";

	private static final String SUBMIT = "submitDelivery";

	private static final String POLL = "awaitValidation";

	private static final String REPORT = "writeReport";

	@Autowired
	private Job genericDeliveryJob;

	private Path file;

	private byte[] content;

	private JobParameters parameters;

	@BeforeEach
	void aCsvFile(TestInfo test) throws Exception {
		this.jobs.setJob(this.genericDeliveryJob);
		String name = test.getTestMethod().orElseThrow().getName();
		Path dir = Files.createDirectories(WORK.resolve("generic-" + name));
		// a content of its own: the same content would be the same delivery, completed
		// earlier
		this.file = Files.writeString(dir.resolve("salaries.csv"), "org;amount;test\n9990000045;1200;" + name + "\n");
		this.content = Files.readAllBytes(this.file);
		GenericDeliveryRequest request = GenericDeliveryRequest.of(this.file, "C-1", "9990000045", null, null, true);
		this.parameters = DeliveryJobParameters.of(ScbEnvironment.TEST, request, this.inputCheck.checkFile(this.file));
	}

	@Test
	void aDeliveryRunsTheFiveStepsInOrder() throws Exception {
		JobExecution execution = this.runs.start(this.parameters);

		assertThat(execution.getStatus()).isEqualTo(BatchStatus.COMPLETED);
		assertThat(execution.getExitStatus().getExitCode()).isEqualTo("LOADED");
		assertThat(this.runs.steps()).containsExactly(VALIDATE, HEARTBEAT, SUBMIT, POLL, VALIDATE, HEARTBEAT, POLL,
				REPORT);
	}

	@Test
	void aFailedValidationSendsNothingAndTheRestartBeginsThere() throws Exception {
		Files.delete(this.file);

		JobExecution failed = this.runs.start(this.parameters);

		assertThat(failed.getStatus()).isEqualTo(BatchStatus.FAILED);
		assertThat(stepNames(failed)).containsExactly(VALIDATE);
		assertThat(this.scb.genericHeartbeatCount()).isZero();
		assertThat(this.scb.genericSubmissions()).isEmpty();

		Files.write(this.file, this.content);
		JobExecution restarted = this.runs.restart(failed);

		assertThat(restarted.getStatus()).isEqualTo(BatchStatus.COMPLETED);
		assertThat(this.runs.steps()).containsExactly(VALIDATE, HEARTBEAT, SUBMIT, POLL, VALIDATE, HEARTBEAT, POLL,
				REPORT);
		assertThat(accepted()).hasSize(1);
	}

	@Test
	void aFailedHeartbeatPostsNothingAndTheRestartBeginsThere() throws Exception {
		this.scb.faults().apply("generic-heartbeat=503");

		JobExecution failed = this.runs.start(this.parameters);

		assertThat(failed.getStatus()).isEqualTo(BatchStatus.FAILED);
		assertThat(stepNames(failed)).containsExactly(VALIDATE, HEARTBEAT);
		assertThat(this.scb.genericSubmissions()).isEmpty();

		this.scb.faults().clear();
		JobExecution restarted = this.runs.restart(failed);

		assertThat(restarted.getStatus()).isEqualTo(BatchStatus.COMPLETED);
		assertThat(this.runs.steps()).containsExactly(VALIDATE, HEARTBEAT, SUBMIT, POLL, VALIDATE, HEARTBEAT, POLL,
				REPORT);
		assertThat(accepted()).hasSize(1);
	}

	@Test
	void aPostSCBSurelyDidNotTakeIsSentAgainByTheSubmitStep() throws Exception {
		this.scb.faults().apply("submit=503");

		JobExecution failed = this.runs.start(this.parameters);

		assertThat(failed.getStatus()).isEqualTo(BatchStatus.FAILED);
		assertThat(stepNames(failed)).containsExactly(VALIDATE, HEARTBEAT, SUBMIT);
		assertThat(lastStep(failed, SUBMIT).getStatus()).isEqualTo(BatchStatus.FAILED);
		assertThat(accepted()).isEmpty();

		this.scb.faults().clear();
		JobExecution restarted = this.runs.restart(failed);

		assertThat(restarted.getStatus()).isEqualTo(BatchStatus.COMPLETED);
		assertThat(this.runs.steps()).containsExactly(VALIDATE, HEARTBEAT, SUBMIT, POLL, VALIDATE, HEARTBEAT, POLL,
				REPORT);
		assertThat(accepted()).hasSize(1);
	}

	@Test
	void aFailedPollFollowsTheSavedTicketAndNeverPostsAgain() throws Exception {
		this.scb.faults().apply("status-call=500");

		JobExecution failed = this.runs.start(this.parameters);

		assertThat(failed.getStatus()).isEqualTo(BatchStatus.FAILED);
		assertThat(stepNames(failed)).containsExactly(VALIDATE, HEARTBEAT, SUBMIT, POLL);
		assertThat(accepted()).hasSize(1);
		String ticket = accepted().get(0).ticket().value();

		this.scb.faults().clear();
		JobExecution restarted = this.runs.restart(failed);

		assertThat(restarted.getStatus()).isEqualTo(BatchStatus.COMPLETED);
		assertThat(restarted.getExitStatus().getExitCode()).isEqualTo("LOADED");
		assertThat(this.runs.steps()).containsExactly(VALIDATE, HEARTBEAT, POLL, VALIDATE, HEARTBEAT, POLL, REPORT);
		assertThat(this.scb.genericSubmissions()).as("posted once, in the first execution").hasSize(1);
		assertThat(this.scb.resultCalls(ticket)).isEqualTo(1);
	}

	@Test
	void aFailedReportAsksSCBNothingMoreWhenRestarted() throws Exception {
		JobExecution failed;
		try (AutoCloseable blocked = reportFolderBlocked()) {
			failed = this.runs.start(this.parameters);
		}

		assertThat(failed.getStatus()).isEqualTo(BatchStatus.FAILED);
		assertThat(stepNames(failed)).containsExactly(VALIDATE, HEARTBEAT, POLL, REPORT);
		String ticket = accepted().get(0).ticket().value();
		int heartbeats = this.scb.genericHeartbeatCount();
		int polls = this.scb.statusCalls(ticket);

		JobExecution restarted = this.runs.restart(failed);

		assertThat(restarted.getStatus()).isEqualTo(BatchStatus.COMPLETED);
		assertThat(this.runs.steps()).containsExactly(VALIDATE, HEARTBEAT, POLL, REPORT);
		assertThat(this.scb.genericHeartbeatCount()).isEqualTo(heartbeats);
		assertThat(this.scb.statusCalls(ticket)).isEqualTo(polls);
		assertThat(this.scb.resultCalls(ticket)).isEqualTo(1);
		assertThat(this.scb.genericSubmissions()).hasSize(1);
	}

	/** The POSTs SCB took: those it answered with a ticket. */
	private List<GenericSubmissionReceived> accepted() {
		return this.scb.genericSubmissions().stream().filter((submission) -> submission.ticket() != null).toList();
	}

}
