package se.scbdelivery.delivery.gdb;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;

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
import se.scbdelivery.simulator.server.UploadEvent;
import se.scbdelivery.testsupport.TestFiles;

import static org.assertj.core.api.Assertions.assertThat;
import static se.scbdelivery.delivery.JobExecutions.lastStep;
import static se.scbdelivery.delivery.JobExecutions.stepNames;

/**
 * The GDB job's five steps as the job repository records them, and a restart after a
 * failure in each: it resumes at the step that failed, and nothing SCB already holds is
 * sent again. The stand-in answers "still processing" to the upload's own poll, so each
 * delivery waits once: its execution stops at the poll step, the follower polls, and the
 * restart after SCB's final answer takes the verdict (the upload step passes, sending
 * nothing).
 */
class GdbStepRestartTest extends DeliveryJobTestSupport {

	private static final String VALIDATE = "validateDelivery";

	private static final String HEARTBEAT = "heartbeat";

	private static final String UPLOAD = "uploadFragments";

	private static final String POLL = "awaitProcessing";

	private static final String REPORT = "writeReport";

	@Autowired
	private Job gdbDeliveryJob;

	private Path file;

	private byte[] content;

	private JobParameters parameters;

	@BeforeEach
	void aThreeFragmentFile(TestInfo test) throws Exception {
		this.jobs.setJob(this.gdbDeliveryJob);
		this.file = TestFiles.xml(WORK.resolve("inbox-" + test.getTestMethod().orElseThrow().getName()), "vinn.xml",
				2_500, null);
		this.content = Files.readAllBytes(this.file);
		GdbDeliveryRequest request = GdbDeliveryRequest.of(this.file, "9990000045", "VINN", "2024-06-30", "V40", null,
				null);
		this.parameters = DeliveryJobParameters.of(ScbEnvironment.TEST, request, this.inputCheck.checkFile(this.file));
	}

	@Test
	void aDeliveryRunsTheFiveStepsInOrder() throws Exception {
		JobExecution execution = this.runs.start(this.parameters);

		assertThat(execution.getStatus()).isEqualTo(BatchStatus.COMPLETED);
		assertThat(this.runs.steps()).containsExactly(VALIDATE, HEARTBEAT, UPLOAD, POLL, VALIDATE, HEARTBEAT, UPLOAD,
				POLL, REPORT);
		assertThat(execution.getStepExecutions())
			.allSatisfy((step) -> assertThat(step.getStatus()).as(step.getStepName()).isEqualTo(BatchStatus.COMPLETED));
	}

	@Test
	void aFailedValidationSendsNothingAndTheRestartBeginsThere() throws Exception {
		// given a file that is gone when the job starts
		Files.delete(this.file);

		JobExecution failed = this.runs.start(this.parameters);

		assertThat(failed.getStatus()).isEqualTo(BatchStatus.FAILED);
		assertThat(stepNames(failed)).containsExactly(VALIDATE);
		assertThat(this.scb.heartbeatCount()).isZero();

		// when it is back, unchanged, and the delivery restarts
		Files.write(this.file, this.content);
		JobExecution restarted = this.runs.restart(failed);

		assertThat(restarted.getStatus()).isEqualTo(BatchStatus.COMPLETED);
		assertThat(this.runs.steps()).containsExactly(VALIDATE, HEARTBEAT, UPLOAD, POLL, VALIDATE, HEARTBEAT, UPLOAD,
				POLL, REPORT);
		assertThat(this.scb.deliveries()).singleElement()
			.satisfies((delivery) -> assertThat(delivery.content()).isEqualTo(this.content));
	}

	@Test
	void aFailedHeartbeatSendsNoFragmentAndTheRestartBeginsThere() throws Exception {
		this.scb.faults().apply("heartbeat=503");

		JobExecution failed = this.runs.start(this.parameters);

		assertThat(failed.getStatus()).isEqualTo(BatchStatus.FAILED);
		assertThat(stepNames(failed)).containsExactly(VALIDATE, HEARTBEAT);
		assertThat(lastStep(failed, HEARTBEAT).getStatus()).isEqualTo(BatchStatus.FAILED);
		assertThat(this.scb.fragments()).isEmpty();

		this.scb.faults().clear();
		JobExecution restarted = this.runs.restart(failed);

		assertThat(restarted.getStatus()).isEqualTo(BatchStatus.COMPLETED);
		assertThat(this.runs.steps()).containsExactly(VALIDATE, HEARTBEAT, UPLOAD, POLL, VALIDATE, HEARTBEAT, UPLOAD,
				POLL, REPORT);
		assertThat(this.scb.fragments()).extracting(ReceivedFragment::index).containsExactly(0, 1, 2, -1);
	}

	@Test
	void aFailedUploadResumesAtItsFragmentInTheUploadStep() throws Exception {
		this.scb.faults().apply("fragment:1=500");

		JobExecution failed = this.runs.start(this.parameters);

		assertThat(failed.getStatus()).isEqualTo(BatchStatus.FAILED);
		assertThat(stepNames(failed)).containsExactly(VALIDATE, HEARTBEAT, UPLOAD);

		this.scb.faults().clear();
		int sentBefore = this.scb.fragments().size();
		JobExecution restarted = this.runs.restart(failed);

		assertThat(restarted.getStatus()).isEqualTo(BatchStatus.COMPLETED);
		assertThat(this.runs.steps()).containsExactly(VALIDATE, HEARTBEAT, UPLOAD, POLL, VALIDATE, HEARTBEAT, UPLOAD,
				POLL, REPORT);
		assertThat(this.scb.fragments().subList(sentBefore, this.scb.fragments().size()))
			.extracting(ReceivedFragment::index)
			.containsExactly(1, 2, -1);
	}

	@Test
	void aFailedPollFollowsTheSameDeliveryIdAndNeverUploadsAgain() throws Exception {
		// SCB takes its time with this file, and its history answers fail for good at
		// first
		this.scb.faults().apply("processing=400msx1,history=500");

		JobExecution failed = this.runs.start(this.parameters);

		assertThat(failed.getStatus()).isEqualTo(BatchStatus.FAILED);
		assertThat(stepNames(failed)).containsExactly(VALIDATE, HEARTBEAT, UPLOAD, POLL);
		String deliveryId = this.scb.deliveries().get(0).deliveryId().value();

		this.scb.faults().clear();
		int sentBefore = this.scb.fragments().size();
		int pollsBefore = this.scb.historyCalls(deliveryId);
		JobExecution restarted = this.runs.restart(failed);

		assertThat(restarted.getStatus()).isEqualTo(BatchStatus.COMPLETED);
		assertThat(restarted.getExitStatus().getExitCode()).isEqualTo("LOADED");
		// the upload step completed before: skipped, not run again
		assertThat(this.runs.steps()).containsExactly(VALIDATE, HEARTBEAT, UPLOAD, POLL, VALIDATE, HEARTBEAT, UPLOAD,
				POLL, REPORT);
		assertThat(this.scb.fragments()).hasSize(sentBefore);
		assertThat(this.scb.historyCalls(deliveryId)).isGreaterThan(pollsBefore);
		assertThat(this.scb.deliveries()).hasSize(1);
		// the restart followed the DeliveryId through SCB's processing time (400 ms) to
		// its verdict; the stand-in's processing clock starts as the completion arrives,
		// a moment before it records the event (a run measured 398.5 ms)
		Instant completed = event(deliveryId, UploadEvent.Kind.COMPLETED);
		Instant verdict = event(deliveryId, UploadEvent.Kind.FINAL_STATUS_ANSWERED);
		assertThat(Duration.between(completed, verdict)).isGreaterThanOrEqualTo(Duration.ofMillis(350));
	}

	private Instant event(String deliveryId, UploadEvent.Kind kind) {
		return this.scb.uploadEvents()
			.stream()
			.filter((event) -> event.id().equals(deliveryId) && event.kind() == kind)
			.map(UploadEvent::at)
			.findFirst()
			.orElseThrow(
					() -> new AssertionError("no " + kind + " for " + deliveryId + ": " + this.scb.uploadEvents()));
	}

	@Test
	void aFailedReportAsksSCBNothingMoreWhenRestarted() throws Exception {
		JobExecution failed;
		try (AutoCloseable blocked = reportFolderBlocked()) {
			failed = this.runs.start(this.parameters);
		}

		assertThat(failed.getStatus()).isEqualTo(BatchStatus.FAILED);
		assertThat(stepNames(failed)).containsExactly(VALIDATE, HEARTBEAT, UPLOAD, POLL, REPORT);
		assertThat(lastStep(failed, REPORT).getStatus()).isEqualTo(BatchStatus.FAILED);
		String deliveryId = this.scb.deliveries().get(0).deliveryId().value();
		int heartbeats = this.scb.heartbeatCount();
		int polls = this.scb.historyCalls(deliveryId);

		JobExecution restarted = this.runs.restart(failed);

		assertThat(restarted.getStatus()).isEqualTo(BatchStatus.COMPLETED);
		assertThat(restarted.getExitStatus().getExitCode()).isEqualTo("LOADED");
		assertThat(this.runs.steps()).containsExactly(VALIDATE, HEARTBEAT, UPLOAD, POLL, REPORT);
		assertThat(this.scb.heartbeatCount()).as("no new session").isEqualTo(heartbeats);
		assertThat(this.scb.historyCalls(deliveryId)).as("no new poll").isEqualTo(polls);
		assertThat(WORK.resolve("reports")).isDirectoryContaining(
				(report) -> report.getFileName().toString().startsWith("delivery-" + restarted.getId() + "-"));
	}

}
