package se.scbdelivery.cli;

import java.nio.file.Path;
import java.time.LocalDateTime;

import org.junit.jupiter.api.Test;

import org.springframework.batch.core.BatchStatus;
import org.springframework.batch.core.ExitStatus;
import org.springframework.batch.core.job.JobExecution;
import org.springframework.batch.core.step.StepExecution;

import se.scbdelivery.simulator.server.Faults.Call;
import se.scbdelivery.testsupport.CliResult;
import se.scbdelivery.testsupport.TestFiles;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * No execution needs a person with SQL: one a failing job repository left in Spring
 * Batch's UNKNOWN status resumes from its journal, and a person who decides a delivery is
 * not to be resumed says so with {@code abandon}, after which only an explicit
 * {@code deliver} sends the file anew. Run on each job repository by
 * {@link DeliveryEndToEndOnH2Test} and {@link DeliveryEndToEndOnPostgresTest}.
 */
abstract class StrandedAndAbandonedSuite extends DeliveryEndToEnd {

	@Test
	void anExecutionLeftUnknownIsShownPlainlyAndResumesAtTheFragmentAfterTheLastAcknowledged() {
		this.scb.faults().respond(Call.FRAGMENT, 2, Integer.MAX_VALUE, 500);
		Path file = TestFiles.xml(this.inbox, "unknown.xml", 4_200, null);
		CliResult failed = deliver(file, "VINN", "2024-06-30", "V40");
		assertThat(failed.exitCode()).as(failed.toString()).isEqualTo(1);
		// what Spring Batch writes when a chunk's commit fails with the connection
		leftUnknown(execution(failed));
		this.scb.faults().clear();
		int before = this.scb.fragments().size();

		CliResult list = run("list");
		CliResult resumed = deliver(file, "VINN", "2024-06-30", "V40");

		assertThat(list.out()).contains("UNKNOWN in uploadFragments")
			.contains("Execution " + execution(failed) + " (UNKNOWN): left UNKNOWN by a job repository that failed: "
					+ "the next scan, 'restart --failed' or 'restart " + execution(failed)
					+ "' reconciles it from its journal and resumes it");
		assertThat(resumed.exitCode()).as(resumed.toString()).isZero();
		assertThat(resumed.out()).contains("LOADED")
			.contains("was left UNKNOWN by a job repository that failed while it committed: reconciled it as FAILED")
			.doesNotContain("Manual intervention");
		assertThat(indexes(this.scb.fragments().subList(before, this.scb.fragments().size()))).containsExactly(2, 3, 4,
				-1);
		assertThat(onlyDelivery().content()).isEqualTo(bytes(file));
	}

	@Test
	void restartFailedTakesUpAnExecutionLeftUnknown() {
		this.scb.faults().respond(Call.FRAGMENT, 1, Integer.MAX_VALUE, 500);
		Path file = TestFiles.xml(this.inbox, "unknown-restart.xml", 2_500, null);
		CliResult failed = deliver(file, "VINN", "2024-06-30", "V40");
		leftUnknown(execution(failed));
		this.scb.faults().clear();

		CliResult restarted = run("restart", "--failed");

		// the suites share a job repository: other suites' deliveries may be resumed too
		assertThat(restarted.out()).as(restarted.toString()).containsPattern("(?m)^LOADED .*unknown-restart\\.xml");
		assertThat(onlyDelivery().content()).isEqualTo(bytes(file));
	}

	@Test
	void anAbandonedDeliveryIsLeftAloneByScanAndRestartAndDeliveredAnewOnlyByAnExplicitDeliver() throws Exception {
		this.scb.faults().respond(Call.FRAGMENT, 1, Integer.MAX_VALUE, 500);
		Path inbox = this.inbox.resolve("inbox");
		Path file = TestFiles.xml(inbox.resolve("9990000045/VINN/2024-06-30/V40"), "abandoned.xml", 2_500, null);
		CliResult failed = deliver(file, "VINN", "2024-06-30", "V40");
		long execution = execution(failed);
		this.scb.faults().clear();

		CliResult abandoned = run("abandon", String.valueOf(execution), "--reason",
				"sent by hand through Indataportalen");

		assertThat(abandoned.exitCode()).as(abandoned.toString()).isZero();
		assertThat(abandoned.out()).contains("ABANDONED").contains("sent by hand through Indataportalen");
		assertThat(run("list").out()).contains("Execution " + execution + " (ABANDONED): abandoned by ")
			.contains(": sent by hand through Indataportalen; scans and restarts leave it alone: 'deliver' the file "
					+ "to send it anew");
		assertThat(reportOf(failed)).content().contains("\"outcome\" : \"ABANDONED\"").contains("DECISION");

		// scans and restarts send nothing
		int before = this.scb.fragments().size();
		CliResult scan = run("scan", inbox.toString());
		CliResult restart = run("restart", String.valueOf(execution));
		CliResult restartFailed = run("restart", "--failed");
		assertThat(scan.exitCode()).as(scan.toString()).isZero();
		assertThat(scan.out()).contains("ABANDONED").contains("abandoned.xml");
		assertThat(restart.exitCode()).as(restart.toString()).isEqualTo(2);
		assertThat(restart.err()).contains("error: execution " + execution + " was abandoned by ")
			.contains("deliver the file again to send it anew");
		assertThat(restartFailed.out()).doesNotContain("abandoned.xml");
		assertThat(this.scb.fragments()).hasSize(before);

		// an explicit deliver sends the file anew, and later scans see that delivery
		CliResult anew = deliver(file, "VINN", "2024-06-30", "V40");
		CliResult scanAgain = run("scan", inbox.toString());

		assertThat(anew.exitCode()).as(anew.toString()).isZero();
		assertThat(execution(anew)).isNotEqualTo(execution);
		assertThat(indexes(this.scb.fragments().subList(before, this.scb.fragments().size()))).containsExactly(0, 1, 2,
				-1);
		assertThat(onlyDelivery().content()).isEqualTo(bytes(file));
		assertThat(scanAgain.out()).contains("LOADED").doesNotContain("ABANDONED");
		assertThat(this.scb.deliveries()).hasSize(1);
	}

	@Test
	void abandonRefusesWhatCannotBeAbandonedInOneLine() {
		Path file = TestFiles.xml(this.inbox, "done.xml", 900, null);
		CliResult delivered = deliver(file, "VINN", "2024-06-30", "V40");

		CliResult completed = run("abandon", String.valueOf(execution(delivered)), "--reason", "changed my mind");
		CliResult unknown = run("abandon", "987654321", "--reason", "typo");
		CliResult blank = run("abandon", String.valueOf(execution(delivered)), "--reason", "  ");
		CliResult noReason = run("abandon", String.valueOf(execution(delivered)));

		assertThat(completed.exitCode()).isEqualTo(2);
		assertThat(completed.err()).contains("error: execution " + execution(delivered) + " delivered the file")
			.contains("there is nothing to abandon");
		assertThat(unknown.exitCode()).isEqualTo(2);
		assertThat(unknown.err()).contains("there is no delivery execution 987654321");
		assertThat(blank.exitCode()).isEqualTo(2);
		assertThat(blank.err()).contains("--reason must say why");
		assertThat(noReason.exitCode()).isEqualTo(2);
		assertThat(noReason.err()).contains("--reason");
		for (CliResult result : new CliResult[] { completed, unknown, blank, noReason }) {
			assertThat(result.err()).doesNotContain("\tat ");
		}
	}

	/** The state a chunk whose commit failed with its connection leaves. */
	private void leftUnknown(long executionId) {
		JobExecution execution = this.jobRepository.getJobExecution(executionId);
		assertThat(execution).isNotNull();
		for (StepExecution step : execution.getStepExecutions()) {
			if (step.getStatus() == BatchStatus.FAILED) {
				step.setStatus(BatchStatus.UNKNOWN);
				step.setExitStatus(ExitStatus.UNKNOWN);
				this.jobRepository.update(step);
			}
		}
		execution.setStatus(BatchStatus.UNKNOWN);
		execution.setExitStatus(ExitStatus.UNKNOWN);
		execution.setEndTime(LocalDateTime.now());
		this.jobRepository.update(execution);
	}

}
