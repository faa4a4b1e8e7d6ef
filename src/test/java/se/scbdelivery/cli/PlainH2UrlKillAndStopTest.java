package se.scbdelivery.cli;

import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.util.ArrayList;
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
 * The job repository in an H2 file at the URL an operator writes first,
 * {@code jdbc:h2:file:<folder>/jobrepo} and nothing more, keeps what a killed or stopped
 * delivery relies on: a process killed with SIGKILL mid-fragment loses none of the
 * checkpoints it committed (H2 would otherwise write them up to 500 ms later), and on
 * SIGTERM the graceful stop still has its database (H2 would otherwise close it in its
 * own shutdown hook). Each run is a JVM of its own.
 */
class PlainH2UrlKillAndStopTest {

	private static final Duration PROCESS_TIMEOUT = Duration.ofSeconds(90);

	/** Longer than a stop takes, so that a stop that waits it out is told apart. */
	private static final Duration GRACE = Duration.ofSeconds(30);

	@TempDir
	Path dir;

	private ScbStandIn scb;

	private ProductSettings settings;

	private Path file;

	@BeforeEach
	void standInAndAPlainUrl() {
		this.scb = ScbStandIn.start(StandInOptions.defaults().withPort(0).withPollsBeforeFinal(1));
		String plainUrl = "jdbc:h2:file:" + this.dir.resolve("jobrepo");
		this.settings = ProductSettings.standard(PlainH2UrlKillAndStopTest.class, this.dir)
			.standIn(this.scb)
			.jobRepositoryUrl(plainUrl)
			// short, so that the run after a kill need not wait long for the lease
			.staleAfter("2s")
			.with("scb.shutdown.grace", GRACE);
		assertThat(this.settings.arguments()).as("the URL as the operator wrote it, and no other H2 setting")
			.contains("--spring.datasource.url=" + plainUrl)
			.noneMatch((argument) -> argument.contains("WRITE_DELAY") || argument.contains("DB_CLOSE_ON_EXIT"));
		// five fragments of 1,000 bytes: 0..4, then -1
		this.file = TestFiles.xml(this.dir.resolve("inbox"), "vinn.xml", 4_500, null);
	}

	@AfterEach
	void stopStandIn() {
		this.scb.close();
	}

	@Test
	void aProcessKilledWhileFragment3IsInFlightIsResumedAtFragment3() throws Exception {
		// given a delivery killed with SIGKILL while SCB holds its fragment 3, right
		// after
		// fragment 2's checkpoint was committed
		Gate gate = this.scb.faults().gate(Call.FRAGMENT, 3);
		ChildJvm.Running doomed = start();
		gate.awaitArrival(PROCESS_TIMEOUT);
		CliResult killed = doomed.kill().awaitExit(Duration.ofSeconds(30));
		gate.release();
		assertThat(killed.exitCode()).as("killed by SIGKILL").isEqualTo(137);
		assertThat(indexes()).containsExactly(0, 1, 2, 3);

		// when it runs again once the dead process's lease has lapsed
		DeliveryLeases.awaitLapsed(this.settings, Duration.ofSeconds(30));
		CliResult resumed = start().awaitExit();

		// then the upload continues at fragment 3: 0, 1 and 2 were sent once, and SCB has
		// the whole file once
		assertThat(resumed.exitCode()).as(resumed.toString()).isZero();
		assertThat(resumed.out()).contains("LOADED (exit 0)")
			.contains("Resuming the upload at fragment 3 of 5 (fragments 0..2 were acknowledged)");
		assertThat(indexes()).containsExactly(0, 1, 2, 3, 3, 4, -1);
		assertThat(this.scb.deliveries()).singleElement()
			.satisfies((delivery) -> assertThat(delivery.content()).isEqualTo(Files.readAllBytes(this.file)));
	}

	@Test
	void sigtermWhileAFragmentIsInFlightStopsWithinTheGraceRecordedAsStoppedAndALaterRunResumes() throws Exception {
		// given a delivery whose fragment 2 SCB holds
		Gate gate = this.scb.faults().gate(Call.FRAGMENT, 2);
		ChildJvm.Running stopping = start();
		gate.awaitArrival(PROCESS_TIMEOUT);

		// when it is sent SIGTERM, and SCB answers the fragment once the stop is
		// requested
		long terminated = System.nanoTime();
		stopping.terminate();
		stopping.awaitStderr("Stop requested");
		gate.release();
		CliResult stopped = stopping.awaitExit(GRACE.plus(PROCESS_TIMEOUT));
		Duration stopTook = Duration.ofNanos(System.nanoTime() - terminated);

		// then the process ends by the signal (143) well within scb.shutdown.grace, its
		// delivery reported and recorded as STOPPED after the fragment in flight
		assertThat(stopped.exitCode()).as(stopped.toString()).isEqualTo(143);
		assertThat(stopTook).as("from SIGTERM to the process's end").isLessThan(GRACE);
		assertThat(stopped.out()).contains("STOPPED on request by SIGTERM (the process exits 143");
		assertThat(stopped.err()).contains("Every running delivery stopped").doesNotContain("did not stop within");
		assertThat(indexes()).containsExactly(0, 1, 2);
		assertThat(this.scb.fragments().get(2).status()).isEqualTo(200);
		assertThat(statuses("SELECT STATUS FROM BATCH_JOB_EXECUTION")).containsExactly("STOPPED");
		assertThat(statuses("SELECT STATUS FROM BATCH_STEP_EXECUTION WHERE STEP_NAME = 'uploadFragments'"))
			.containsExactly("STOPPED");

		// and a later run resumes at fragment 3, sending none SCB had acknowledged again
		DeliveryLeases.awaitLapsed(this.settings, Duration.ofSeconds(30));
		CliResult resumed = start().awaitExit();

		assertThat(resumed.exitCode()).as(resumed.toString()).isZero();
		assertThat(resumed.out()).contains("Resuming the upload at fragment 3 of 5 (fragments 0..2 were acknowledged)");
		assertThat(indexes()).containsExactly(0, 1, 2, 3, 4, -1);
		assertThat(this.scb.deliveries()).singleElement()
			.satisfies((delivery) -> assertThat(delivery.content()).isEqualTo(Files.readAllBytes(this.file)));
	}

	private ChildJvm.Running start() {
		return ChildJvm.withSettings(this.settings)
			.timeout(PROCESS_TIMEOUT)
			.start("deliver", "--file", this.file.toString(), "--org", "999000-0045", "--program", "VINN", "--period",
					"2024-06-30", "--format", "V40");
	}

	private List<Integer> indexes() {
		return this.scb.fragments().stream().map(ReceivedFragment::index).toList();
	}

	/** One column of the job repository, read while no delivery process runs. */
	private List<String> statuses(String query) throws SQLException {
		List<String> statuses = new ArrayList<>();
		try (Connection connection = this.settings.connectToJobRepository();
				Statement statement = connection.createStatement();
				ResultSet rows = statement.executeQuery(query)) {
			while (rows.next()) {
				statuses.add(rows.getString(1));
			}
		}
		return statuses;
	}

}
