package se.scbdelivery.cli;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import se.scbdelivery.simulator.ScbStandIn;
import se.scbdelivery.simulator.StandInOptions;
import se.scbdelivery.simulator.gdb.ReceivedFragment;
import se.scbdelivery.simulator.server.Faults.Call;
import se.scbdelivery.simulator.server.Gate;
import se.scbdelivery.testsupport.ChildJvm;
import se.scbdelivery.testsupport.CliResult;
import se.scbdelivery.testsupport.DeliveryLeases;
import se.scbdelivery.testsupport.ProductSettings;
import se.scbdelivery.testsupport.TestFiles;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * A delivery process killed with SIGKILL in the middle of a delivery leaves its execution
 * looking as if it still ran. A new process must not take it over while the dead
 * process's lease runs (it ran with {@code scb.recovery.stale-after}), must recover it
 * once the lease has lapsed, and must then resume: through GDB at the fragment that was
 * in flight; through the generic service by posting again (with a warning) when no ticket
 * had come back, or by following the saved ticket. All on the same H2 file job
 * repository.
 */
class KilledProcessResumeTest {

	private static final Duration PROCESS_TIMEOUT = Duration.ofSeconds(90);

	/**
	 * {@code scb.recovery.stale-after} when a second process must find the dead one's
	 * lease still running. The lease lapses between three quarters of this and all of it
	 * after the kill (it is renewed every quarter), and the second process checks it only
	 * once its JVM and Spring context have started: on a loaded two-core machine that
	 * took 6 s of the 10 s this once was, so a slower start found the lease lapsed and
	 * took the delivery over. The wait for the lapse that follows is read from the lease
	 * table, so a longer lease costs only its own length.
	 */
	private static final String LEASE_OUTLIVING_A_JVM_START = "30s";

	@TempDir
	Path dir;

	private ScbStandIn scb;

	private ProductSettings settings;

	@BeforeEach
	void startStandIn() {
		this.scb = ScbStandIn.start(StandInOptions.defaults().withPort(0).withPollsBeforeFinal(1));
		this.settings = ProductSettings.standard(KilledProcessResumeTest.class, this.dir).standIn(this.scb);
	}

	@AfterEach
	void stopStandIn() {
		this.scb.close();
	}

	@Test
	void resumesAtTheFragmentInFlightAfterTheProcessWasKilled() throws Exception {
		Path file = TestFiles.xml(this.dir.resolve("inbox"), "vinn.xml", 4_500, null);

		// given a process that is killed while SCB holds its fragment 2
		Gate gate = this.scb.faults().gate(Call.FRAGMENT, 2);
		ChildJvm.Running doomed = start(file, LEASE_OUTLIVING_A_JVM_START);
		gate.awaitArrival(PROCESS_TIMEOUT);
		CliResult killed = doomed.kill().awaitExit(Duration.ofSeconds(30));
		assertThat(killed.exitCode()).as("killed by SIGKILL").isEqualTo(137);
		gate.release();
		List<Integer> beforeKill = indexes();

		// when the same delivery runs again while the dead process's lease still runs
		assertThat(DeliveryLeases.longestRemaining(this.settings)).as("the dead process's lease, as the table says")
			.hasValueSatisfying((remaining) -> assertThat(remaining).isLessThanOrEqualTo(Duration.ofSeconds(30)));
		CliResult tooEarly = start(file, LEASE_OUTLIVING_A_JVM_START).awaitExit();

		// then it is left alone and nothing is sent
		assertThat(tooEarly.exitCode()).as(tooEarly.toString()).isEqualTo(1);
		assertThat(tooEarly.err())
			.containsPattern("is running in [^;]+:\\d+; if that process is gone its lease lapses at "
					+ "((\\d{4}-\\d\\d-\\d\\d )?\\d\\d:\\d\\d:\\d\\d) (\\S+): run again after \\1 \\3\n");
		assertThat(indexes()).isEqualTo(beforeKill);

		// when it runs again once that lease has lapsed
		awaitLeasesLapsed();
		CliResult resumed = start(file, LEASE_OUTLIVING_A_JVM_START).awaitExit();

		// then the execution is recovered and the upload continues at fragment 2, never 0
		// or 1
		assertThat(resumed.exitCode()).as(resumed.toString()).isZero();
		assertThat(beforeKill).containsExactly(0, 1, 2);
		assertThat(indexes().subList(beforeKill.size(), indexes().size())).as(resumed.toString())
			.containsExactly(2, 3, 4, -1);
		assertThat(this.scb.deliveries()).singleElement()
			.satisfies((delivery) -> assertThat(delivery.content()).isEqualTo(Files.readAllBytes(file)));
		assertThat(resumed.out()).contains("LOADED (exit 0)")
			.contains("was left running by a process that is gone")
			.contains("recovered it as FAILED to resume it")
			.contains("Resuming the upload at fragment 2 of 5 (fragments 0..1 were acknowledged)");
		System.out.println("fragment log: killed process sent " + beforeKill + ", resumed process sent "
				+ indexes().subList(beforeKill.size(), indexes().size()));
	}

	@Test
	void restartFailedRecoversADeadExecutionAndResumesIt() throws Exception {
		Path file = TestFiles.xml(this.dir.resolve("inbox"), "vinn.xml", 3_500, null);
		Gate gate = this.scb.faults().gate(Call.FRAGMENT, 1);
		ChildJvm.Running doomed = start(file, "2s");
		gate.awaitArrival(PROCESS_TIMEOUT);
		doomed.kill().awaitExit(Duration.ofSeconds(30));
		gate.release();
		awaitLeasesLapsed();

		CliResult restarted = jvm(this.settings.staleAfter("2s")).run("restart", "--failed");

		assertThat(restarted.exitCode()).as(restarted.toString()).isZero();
		assertThat(restarted.out()).contains("1 file: 1 LOADED").contains("vinn.xml");
		assertThat(indexes()).containsExactly(0, 1, 1, 2, 3, -1);
		assertThat(this.scb.deliveries()).singleElement()
			.satisfies((delivery) -> assertThat(delivery.content()).isEqualTo(Files.readAllBytes(file)));
	}

	@Test
	void sigtermStopsAfterTheFragmentInFlightAndALaterRunResumesAtTheNext() throws Exception {
		Path file = TestFiles.xml(this.dir.resolve("inbox"), "vinn.xml", 4_500, null);
		Gate gate = this.scb.faults().gate(Call.FRAGMENT, 2);
		ChildJvm.Running stopping = start(file, "10s");
		gate.awaitArrival(PROCESS_TIMEOUT);

		// Kubernetes stopping the pod: SIGTERM while SCB holds fragment 2; SCB answers
		// once the
		// stop request is in (Spring Batch's stop writes the step execution from the
		// stopping
		// thread: an answer let through before that is done races the chunk's own commit,
		// seen
		// once as an OptimisticLockingFailureException that ended the run FAILED, not
		// STOPPED)
		stopping.terminate();
		stopping.awaitStderr("Stop requested");
		gate.release();
		CliResult stopped = stopping.awaitExit();

		// the summary says what the process ends with, and a stop on request is no
		// failure
		assertThat(stopped.exitCode()).as(stopped.toString()).isEqualTo(143);
		assertThat(stopped.out())
			.contains("STOPPED on request by SIGTERM (the process exits 143; a later run resumes it)")
			.contains("Stopped on request by SIGTERM in uploadFragments")
			.doesNotContain("failure")
			.doesNotContain("JobInterruptedException");
		assertThat(stopped.err()).contains("Stopping 1 running deliveries").contains("Every running delivery stopped");
		assertThat(indexes()).containsExactly(0, 1, 2);
		assertThat(this.scb.fragments().get(2).status()).isEqualTo(200);

		awaitLeasesLapsed();
		CliResult resumed = start(file, "10s").awaitExit();

		assertThat(resumed.exitCode()).as(resumed.toString()).isZero();
		assertThat(indexes()).containsExactly(0, 1, 2, 3, 4, -1);
		assertThat(resumed.out()).contains("Resuming the upload at fragment 3 of 5")
			.contains("LOADED (exit 0)")
			.contains("Stopped on request by SIGTERM")
			.doesNotContain("failure")
			.doesNotContain("JobInterruptedException");
		assertThat(this.scb.deliveries()).singleElement()
			.satisfies((delivery) -> assertThat(delivery.content()).isEqualTo(Files.readAllBytes(file)));
	}

	@Test
	void aProcessKilledDuringThePostSendsTheFileAgainAndWarnsOfADuplicate() throws Exception {
		Path file = TestFiles.xml(this.dir.resolve("inbox"), "data.csv", 3_000, null);
		Gate gate = this.scb.faults().gate(Call.SUBMIT, null);
		ChildJvm.Running doomed = startGeneric(file);
		gate.awaitArrival(PROCESS_TIMEOUT);
		doomed.kill().awaitExit(Duration.ofSeconds(30));
		gate.release();
		awaitLeasesLapsed();

		CliResult resumed = startGeneric(file).awaitExit();

		// the killed POST may or may not have taken effect at SCB (the warning says so);
		// the
		// resumed one is the only one answered, and it carries the whole file
		assertThat(resumed.exitCode()).as(resumed.toString()).isZero();
		assertThat(this.scb.genericSubmissions()).hasSizeBetween(1, 2);
		assertThat(this.scb.genericSubmissions().stream().filter((submission) -> submission.status() == 200))
			.singleElement()
			.satisfies((submission) -> assertThat(submission.decodedBytes()).isEqualTo(Files.readAllBytes(file)));
		assertThat(resumed.out()).contains("recovered it as FAILED to resume it")
			.contains("got no ticket back: SCB may have received it, so it may hold this file twice")
			.contains("LOADED (exit 0)");
	}

	@Test
	void aProcessKilledAfterTheTicketFollowsItAndNeverPostsAgain() throws Exception {
		Path file = TestFiles.xml(this.dir.resolve("inbox"), "data.csv", 3_000, null);
		Gate gate = this.scb.faults().gate(Call.STATUS, null);
		ChildJvm.Running doomed = startGeneric(file);
		gate.awaitArrival(PROCESS_TIMEOUT);
		doomed.kill().awaitExit(Duration.ofSeconds(30));
		gate.release();
		String ticket = this.scb.genericSubmissions().get(0).ticket().value();
		awaitLeasesLapsed();

		CliResult resumed = startGeneric(file).awaitExit();

		assertThat(resumed.exitCode()).as(resumed.toString()).isZero();
		assertThat(this.scb.genericSubmissions()).singleElement()
			.satisfies((submission) -> assertThat(submission.ticket().value()).isEqualTo(ticket));
		assertThat(resumed.out()).contains("ticket       " + ticket)
			.contains("successfulValidation true")
			.doesNotContain("may hold this file twice");
	}

	/**
	 * Waits until the lease table says every lease has lapsed (the H2 file is free: no
	 * delivery process runs now), as the next process will find it.
	 */
	private void awaitLeasesLapsed() {
		DeliveryLeases.awaitLapsed(this.settings, Duration.ofSeconds(45));
	}

	private ChildJvm.Running startGeneric(Path file) {
		return jvm(this.settings.staleAfter("1s")).start("deliver", "--api", "generic", "--file", file.toString(),
				"--contract", "1");
	}

	private ChildJvm.Running start(Path file, String staleAfter) {
		return jvm(this.settings.staleAfter(staleAfter)).start("deliver", "--file", file.toString(), "--org",
				"999000-0045", "--program", "VINN", "--period", "2024-06-30", "--format", "V40");
	}

	private static ChildJvm jvm(ProductSettings settings) {
		return ChildJvm.withSettings(settings).timeout(PROCESS_TIMEOUT);
	}

	private List<Integer> indexes() {
		return this.scb.fragments().stream().map(ReceivedFragment::index).toList();
	}

}
