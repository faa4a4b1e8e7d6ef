package se.scbdelivery.cli;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import se.scbdelivery.ScbDeliveryApplication;
import se.scbdelivery.simulator.ScbStandIn;
import se.scbdelivery.simulator.StandInOptions;
import se.scbdelivery.simulator.gdb.ReceivedFragment;
import se.scbdelivery.simulator.server.Faults.Call;
import se.scbdelivery.simulator.server.Gate;
import se.scbdelivery.testsupport.CliResult;
import se.scbdelivery.testsupport.TestFiles;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * A delivery process killed with SIGKILL in the middle of a delivery leaves its execution
 * looking as if it still ran. A new process must not take it over while the dead process's
 * lease runs (it ran with {@code scb.recovery.stale-after}), must recover it once the lease
 * has lapsed, and must then resume: through GDB at the fragment that was in flight; through the generic service by
 * posting again (with a warning) when no ticket had come back, or by following the saved
 * ticket. All on the same H2 file job repository.
 */
class KilledProcessResumeTest {

	private static final Duration PROCESS_TIMEOUT = Duration.ofSeconds(90);

	@TempDir
	Path dir;

	private ScbStandIn scb;

	@BeforeEach
	void startStandIn() {
		this.scb = ScbStandIn.start(StandInOptions.defaults().withPort(0).withPollsBeforeFinal(1));
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
		Process doomed = start(file, "10s").process();
		gate.awaitArrival(PROCESS_TIMEOUT);
		doomed.destroyForcibly().waitFor(30, TimeUnit.SECONDS);
		assertThat(doomed.exitValue()).as("killed by SIGKILL").isEqualTo(137);
		gate.release();
		List<Integer> beforeKill = indexes();

		// when the same delivery runs again while the dead process's lease still runs
		CliResult tooEarly = start(file, "10s").finish();

		// then it is left alone and nothing is sent
		assertThat(tooEarly.exitCode()).as(tooEarly.toString()).isEqualTo(1);
		assertThat(tooEarly.err()).contains("is running in").contains("not taken over while its owner is alive");
		assertThat(indexes()).isEqualTo(beforeKill);

		// when it runs again once that lease has lapsed
		awaitLeasesLapsed();
		CliResult resumed = start(file, "10s").finish();

		// then the execution is recovered and the upload continues at fragment 2, never 0 or 1
		assertThat(resumed.exitCode()).as(resumed.toString()).isZero();
		assertThat(beforeKill).containsExactly(0, 1, 2);
		assertThat(indexes().subList(beforeKill.size(), indexes().size())).as(resumed.toString()).containsExactly(2, 3, 4, -1);
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
		Process doomed = start(file, "2s").process();
		gate.awaitArrival(PROCESS_TIMEOUT);
		doomed.destroyForcibly().waitFor(30, TimeUnit.SECONDS);
		gate.release();
		awaitLeasesLapsed();

		CliResult restarted = launch(List.of("restart", "--failed", "--scb.recovery.stale-after=2s")).finish();

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
		Child stopping = start(file, "10s");
		gate.awaitArrival(PROCESS_TIMEOUT);

		// Kubernetes stopping the pod: SIGTERM while SCB holds fragment 2; SCB answers once the
		// stop request is in (Spring Batch's stop writes the step execution from the stopping
		// thread: an answer let through before that is done races the chunk's own commit, seen
		// once as an OptimisticLockingFailureException that ended the run FAILED, not STOPPED)
		stopping.process().destroy();
		awaitInFile(stopping.err(), "Stop requested");
		gate.release();
		CliResult stopped = stopping.finish();

		assertThat(stopped.exitCode()).as(stopped.toString()).isEqualTo(143);
		assertThat(stopped.out()).contains("STOPPED (exit 1)");
		assertThat(stopped.err()).contains("Stopping 1 running deliveries").contains("Every running delivery stopped");
		assertThat(indexes()).containsExactly(0, 1, 2);
		assertThat(this.scb.fragments().get(2).status()).isEqualTo(200);

		awaitLeasesLapsed();
		CliResult resumed = start(file, "10s").finish();

		assertThat(resumed.exitCode()).as(resumed.toString()).isZero();
		assertThat(indexes()).containsExactly(0, 1, 2, 3, 4, -1);
		assertThat(resumed.out()).contains("Resuming the upload at fragment 3 of 5");
		assertThat(this.scb.deliveries()).singleElement()
			.satisfies((delivery) -> assertThat(delivery.content()).isEqualTo(Files.readAllBytes(file)));
	}

	@Test
	void aProcessKilledDuringThePostSendsTheFileAgainAndWarnsOfADuplicate() throws Exception {
		Path file = TestFiles.xml(this.dir.resolve("inbox"), "data.csv", 3_000, null);
		Gate gate = this.scb.faults().gate(Call.SUBMIT, null);
		Process doomed = startGeneric(file).process();
		gate.awaitArrival(PROCESS_TIMEOUT);
		doomed.destroyForcibly().waitFor(30, TimeUnit.SECONDS);
		gate.release();

		CliResult resumed = startGeneric(file).finish();

		// the killed POST may or may not have taken effect at SCB (the warning says so); the
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
		Process doomed = startGeneric(file).process();
		gate.awaitArrival(PROCESS_TIMEOUT);
		doomed.destroyForcibly().waitFor(30, TimeUnit.SECONDS);
		gate.release();
		String ticket = this.scb.genericSubmissions().get(0).ticket().value();

		CliResult resumed = startGeneric(file).finish();

		assertThat(resumed.exitCode()).as(resumed.toString()).isZero();
		assertThat(this.scb.genericSubmissions()).singleElement()
			.satisfies((submission) -> assertThat(submission.ticket().value()).isEqualTo(ticket));
		assertThat(resumed.out()).contains("ticket       " + ticket).contains("successfulValidation true")
			.doesNotContain("may hold this file twice");
	}

	/** Polls a growing output file until it holds the text, bounded by the process timeout. */
	private static void awaitInFile(Path file, String text) throws Exception {
		Instant deadline = Instant.now().plus(PROCESS_TIMEOUT);
		while (!Files.readString(file, StandardCharsets.UTF_8).contains(text)) {
			assertThat(Instant.now()).as("'" + text + "' in " + file).isBefore(deadline);
			Thread.sleep(20);
		}
	}

	/**
	 * Waits until every lease in the job repository has run out, reading the lease table once
	 * (the H2 file is free: no delivery process runs now).
	 */
	private void awaitLeasesLapsed() throws Exception {
		Instant until;
		try (Connection connection = DriverManager.getConnection(
				"jdbc:h2:file:" + this.dir.resolve("data/scb-delivery") + ";DB_CLOSE_ON_EXIT=FALSE", "sa", "");
				ResultSet rs = connection.createStatement().executeQuery("SELECT MAX(LOCK_UNTIL) FROM SCB_DELIVERY_LOCK")) {
			rs.next();
			until = (rs.getTimestamp(1) != null) ? rs.getTimestamp(1).toInstant() : null;
		}
		assertThat((until != null) ? Duration.between(Instant.now(), until) : Duration.ZERO)
			.as("the dead process's lease").isLessThan(Duration.ofSeconds(11));
		if (until == null) {
			return;
		}
		while (Instant.now().isBefore(until.plusMillis(200))) {
			Thread.sleep(Math.max(1, Duration.between(Instant.now(), until).toMillis() + 200));
		}
	}

	private Child startGeneric(Path file) throws IOException {
		return launch(List.of("deliver", "--api", "generic", "--file", file.toString(), "--contract", "1",
				"--scb.generic.base-url=" + this.scb.genericBaseUrl(), "--scb.recovery.stale-after=1s"));
	}

	/** A delivery process and the files its stdout and stderr go to. */
	private record Child(Process process, Path out, Path err) {

		CliResult finish() throws Exception {
			assertThat(this.process.waitFor(PROCESS_TIMEOUT.toSeconds(), TimeUnit.SECONDS)).as("process finished").isTrue();
			return new CliResult(this.process.exitValue(), Files.readString(this.out, StandardCharsets.UTF_8),
					Files.readString(this.err, StandardCharsets.UTF_8));
		}

	}

	private Child start(Path file, String staleAfter) throws IOException {
		return launch(List.of("deliver", "--file", file.toString(), "--org", "999000-0045", "--program", "VINN",
				"--period", "2024-06-30", "--format", "V40", "--scb.recovery.stale-after=" + staleAfter));
	}

	private Child launch(List<String> arguments) throws IOException {
		List<String> command = new ArrayList<>(List.of(javaExecutable(), "-cp", System.getProperty("java.class.path"),
				ScbDeliveryApplication.class.getName()));
		command.addAll(arguments);
		command.addAll(List.of("--scb.gdb.base-url=" + this.scb.gdbBaseUrl(),
				"--spring.datasource.url=jdbc:h2:file:" + this.dir.resolve("data/scb-delivery") + ";DB_CLOSE_ON_EXIT=FALSE;WRITE_DELAY=0",
				"--scb.report.dir=" + this.dir.resolve("reports"), "--logging.file.name=" + this.dir.resolve("scb.log"),
				"--scb.upload.fragment-size=1000", "--scb.poll.interval=10ms", "--scb.poll.max-interval=20ms"));
		Path out = Files.createTempFile(this.dir, "out-", ".txt");
		Path err = Files.createTempFile(this.dir, "err-", ".txt");
		Process process = new ProcessBuilder(command).directory(this.dir.toFile())
			.redirectOutput(out.toFile())
			.redirectError(err.toFile())
			.start();
		return new Child(process, out, err);
	}

	private List<Integer> indexes() {
		return this.scb.fragments().stream().map(ReceivedFragment::index).toList();
	}

	private static String javaExecutable() {
		return Path.of(System.getProperty("java.home"), "bin", "java").toString();
	}

}
