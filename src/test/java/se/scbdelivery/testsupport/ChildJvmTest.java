package se.scbdelivery.testsupport;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.awaitility.Awaitility.await;

/**
 * The harness's child JVM: the signals a test sends it, and its output under target/. The
 * program runs {@code simulate}, which serves until it is stopped and needs no job
 * repository.
 */
class ChildJvmTest {

	private final ChildJvm jvm = ChildJvm.withoutSettings(ChildJvmTest.class);

	@Test
	void sigstopFreezesTheProcessSigcontLetsItGoOnAndSigtermEndsIt() {
		ChildJvm.Running simulator = this.jvm.start("simulate", "--port", "0");
		simulator.awaitStdout("SCB stand-in listening");

		simulator.pause();
		await().atMost(Duration.ofSeconds(10)).until(() -> state(simulator.pid()) == 'T');
		simulator.resume();
		await().atMost(Duration.ofSeconds(10)).until(() -> state(simulator.pid()) != 'T');
		CliResult stopped = simulator.terminate().awaitExit();

		assertThat(stopped.exitCode()).as(stopped.toString()).isEqualTo(143);
		assertThat(simulator.stdout()).startsWith(TestOutput.target().resolve("test-output/ChildJvmTest"));
		assertThat(simulator.stdout().resolveSibling("scb-delivery.log")).as("the log file, beside the output")
			.isRegularFile();
	}

	@Test
	void sigkillEndsItWith137() {
		ChildJvm.Running simulator = this.jvm.start("simulate", "--port", "0");
		simulator.awaitStdout("SCB stand-in listening");

		CliResult killed = simulator.kill().awaitExit(Duration.ofSeconds(30));

		assertThat(killed.exitCode()).as(killed.toString()).isEqualTo(137);
	}

	@Test
	void aProgramStillRunningAtTheTimeoutFailsTheTestAndIsKilled() {
		ChildJvm.Running simulator = this.jvm.timeout(Duration.ofSeconds(1)).start("simulate", "--port", "0");

		assertThatThrownBy(simulator::awaitExit).isInstanceOf(AssertionError.class)
			.hasMessageContaining("did not finish within PT1S");
		assertThat(simulator.isAlive()).isFalse();
	}

	/** The state letter in /proc/PID/stat: T when stopped. */
	private static char state(long pid) throws IOException {
		String stat = Files.readString(Path.of("/proc", String.valueOf(pid), "stat"));
		return stat.charAt(stat.lastIndexOf(')') + 2);
	}

}
