package se.scbdelivery.cli;

import java.nio.file.Path;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.Statement;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import java.util.stream.Collectors;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import se.scbdelivery.simulator.ScbStandIn;
import se.scbdelivery.simulator.StandInOptions;
import se.scbdelivery.simulator.server.Faults;
import se.scbdelivery.simulator.server.Gate;
import se.scbdelivery.simulator.server.UploadEvent;
import se.scbdelivery.testsupport.ChildJvm;
import se.scbdelivery.testsupport.CliResult;
import se.scbdelivery.testsupport.OwnPostgresServer;
import se.scbdelivery.testsupport.ProductSettings;
import se.scbdelivery.testsupport.TestFiles;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * The job repository's PostgreSQL fails (stopped with {@code -m immediate}, as a crash or
 * a failover does) in the middle of a month-end scan with files in every phase: queued,
 * uploading fragment by fragment, completing, waiting for SCB's verdict. A server of the
 * test's own, on a free port, reached through a plain URL as a user writes it.
 */
class RepositoryOutageTest {

	private static final List<String> ORGANISATIONS = List.of("9990000045", "9990000052", "9990000136", "9990000219",
			"9990000391");

	private static final int FILES = 24;

	@TempDir
	Path dir;

	@Test
	void aScanRidesOutTheDatabaseStoppingAndEveryFileReachesScbExactlyOnceWithAFinalOutcome() throws Exception {
		try (OwnPostgresServer database = OwnPostgresServer.start();
				ScbStandIn scb = ScbStandIn.start(StandInOptions.defaults()
					.withPort(0)
					.withPollsBeforeFinal(0)
					.withProcessing(Duration.ofSeconds(4)))) {
			// fragments take their time, so that some files are mid-upload when it fails
			scb.faults().delay(Faults.Call.FRAGMENT, null, Faults.ALWAYS, Duration.ofMillis(150));
			scb.faults().delay(Faults.Call.COMPLETION, null, Faults.ALWAYS, Duration.ofMillis(150));
			Path inbox = inbox();
			ProductSettings settings = settings(scb, database).fragmentSize(600);

			ChildJvm.Running scan = ChildJvm.withSettings(settings)
				.timeout(Duration.ofMinutes(4))
				.start("scan", inbox.toString(), "--concurrency", "4");
			// files in every phase: some answered finally, some waiting, some uploading
			await().atMost(Duration.ofMinutes(2)).until(() -> completed(scb) >= FILES / 3);
			database.stopImmediately();
			// the outage itself: the database stays down for a while
			Thread.sleep(8_000);
			database.startAgain();
			CliResult first = scan.awaitExit();

			CliResult next = ChildJvm.withSettings(settings)
				.timeout(Duration.ofMinutes(2))
				.run("scan", inbox.toString(), "--concurrency", "4");

			// ridden out in the scan itself: every file loaded, none left for the next
			assertThat(first.exitCode()).as(first.toString()).isZero();
			assertThat(first.out()).contains(FILES + " files: " + FILES + " LOADED");
			assertThat(next.exitCode()).as(next.toString()).isZero();
			assertThat(next.out()).contains(FILES + " files: " + FILES + " LOADED");
			Map<String, Long> completions = scb.deliveries()
				.stream()
				.collect(Collectors.groupingBy(
						(stored) -> stored.target().organisation() + "/" + stored.target().fileName(),
						Collectors.counting()));
			assertThat(completions).as("files SCB holds, by organisation and name").hasSize(FILES);
			assertThat(completions.values()).as("each file exactly once at SCB").containsOnly(1L);
			assertThat(completed(scb)).isEqualTo(FILES);
			assertThat(statuses(database)).as("job executions by status")
				.doesNotContainKey("UNKNOWN")
				.doesNotContainKey("STARTED")
				.doesNotContainKey("FAILED")
				.containsKey("COMPLETED");
			assertThat(first.out() + first.err()).doesNotContain("may now hold this file twice")
				.doesNotContain("Manual intervention");
		}
	}

	@Test
	void aCompletionAnsweredWhileTheDatabaseIsDownIsRecordedOnceItIsBackAndNotSentAgain() throws Exception {
		try (OwnPostgresServer database = OwnPostgresServer.start();
				ScbStandIn scb = ScbStandIn.start(StandInOptions.defaults().withPort(0).withPollsBeforeFinal(0))) {
			Path file = TestFiles.xml(this.dir.resolve("files"), "vinn.xml", 1_500, null);
			Gate completion = scb.faults().gate(Faults.Call.COMPLETION, null);
			ChildJvm.Running deliver = ChildJvm.withSettings(settings(scb, database).fragmentSize(600))
				.timeout(Duration.ofMinutes(3))
				.start("deliver", "--file", file.toString(), "--org", "999000-0045", "--program", "VINN", "--period",
						"2024-06-30", "--format", "V40");

			// SCB answers the completion with its DeliveryId just after the database went
			// down: the transaction that records it cannot commit
			completion.awaitArrival(Duration.ofMinutes(2));
			database.stopImmediately();
			completion.release();
			await().atMost(Duration.ofSeconds(30)).until(() -> completed(scb) == 1);
			Thread.sleep(3_000);
			database.startAgain();
			CliResult delivered = deliver.awaitExit();

			assertThat(delivered.exitCode()).as(delivered.toString()).isZero();
			assertThat(delivered.out()).contains("LOADED");
			assertThat(delivered.err()).contains("reconciled it as FAILED to resume it from its journal");
			assertThat(scb.deliveries()).as("files SCB holds").hasSize(1);
			// the DeliveryId SCB gave while the database was down is the one followed
			assertThat(delivered.out()).contains(scb.deliveries().get(0).deliveryId().value());
			assertThat(scb.fragments().stream().filter((fragment) -> fragment.index() == -1)).as("completions sent")
				.hasSize(1);
			assertThat(statuses(database)).containsOnlyKeys("COMPLETED");
		}
	}

	@Test
	void aTicketAnsweredWhileTheDatabaseIsDownIsRecordedOnceItIsBackAndTheFileIsNotPostedAgain() throws Exception {
		try (OwnPostgresServer database = OwnPostgresServer.start();
				ScbStandIn scb = ScbStandIn.start(StandInOptions.defaults().withPort(0).withPollsBeforeFinal(0))) {
			Path file = TestFiles.xml(this.dir.resolve("files"), "data.csv", 3_000, null);
			Gate submit = scb.faults().gate(Faults.Call.SUBMIT, null);
			ChildJvm.Running deliver = ChildJvm.withSettings(settings(scb, database))
				.timeout(Duration.ofMinutes(3))
				.start("deliver", "--api", "generic", "--file", file.toString(), "--contract", "1");

			submit.awaitArrival(Duration.ofMinutes(2));
			database.stopImmediately();
			submit.release();
			await().atMost(Duration.ofSeconds(30)).until(() -> completed(scb) == 1);
			Thread.sleep(3_000);
			database.startAgain();
			CliResult delivered = deliver.awaitExit();

			assertThat(delivered.exitCode()).as(delivered.toString()).isZero();
			assertThat(delivered.err()).contains("reconciled it as FAILED to resume it from its journal")
				.contains("was saved before: following it, not posting again")
				.doesNotContain("may hold this file twice");
			assertThat(completed(scb)).as("POSTs SCB took").isEqualTo(1);
			assertThat(statuses(database)).containsOnlyKeys("COMPLETED");
		}
	}

	@Test
	void pastTheToleranceADeliveryStopsWithOneLineAndTheNextRunResumesIt() throws Exception {
		try (OwnPostgresServer database = OwnPostgresServer.start();
				ScbStandIn scb = ScbStandIn.start(StandInOptions.defaults().withPort(0).withPollsBeforeFinal(0))) {
			Path file = TestFiles.xml(this.dir.resolve("files"), "vinn.xml", 2_500, null);
			Gate fragment = scb.faults().gate(Faults.Call.FRAGMENT, 1);
			ProductSettings settings = settings(scb, database).fragmentSize(600)
				.staleAfter("3s")
				.with("scb.repository.outage-tolerance", "2s")
				.with("spring.datasource.hikari.connection-timeout", "1000");
			String[] deliver = { "deliver", "--file", file.toString(), "--org", "999000-0045", "--program", "VINN",
					"--period", "2024-06-30", "--format", "V40" };
			ChildJvm.Running first = ChildJvm.withSettings(settings).timeout(Duration.ofMinutes(2)).start(deliver);

			fragment.awaitArrival(Duration.ofMinutes(2));
			database.stopImmediately();
			fragment.release();
			CliResult stopped = first.awaitExit();
			database.startAgain();
			awaitLeaseLapsed(database);
			CliResult resumed = ChildJvm.withSettings(settings).timeout(Duration.ofMinutes(2)).run(deliver);

			assertThat(stopped.exitCode()).as(stopped.toString()).isEqualTo(1);
			assertThat(stopped.err()).contains("error: the job repository could not be reached for longer than "
					+ "scb.repository.outage-tolerance=PT2S: the delivery stopped where its journal says and resumes "
					+ "on the next run")
				.doesNotContain("\tat ")
				// once the command has said so, the JVM goes: no stop of a delivery that
				// no longer runs, no wait for it, no library's own complaint
				.doesNotContain("Stopping 1 running deliveries")
				.doesNotContain("did not stop within")
				.doesNotContain("overridden by rollback exception");
			assertThat(resumed.exitCode()).as(resumed.toString()).isZero();
			assertThat(resumed.out()).contains("LOADED");
			List<Integer> indexes = scb.fragments().stream().map((sent) -> sent.index()).toList();
			// fragment 0 was recorded before the outage; 1 was acknowledged but not
			assertThat(indexes).containsExactly(0, 1, 1, 2, 3, 4, -1);
			assertThat(scb.deliveries()).hasSize(1);
			assertThat(statuses(database)).containsOnlyKeys("COMPLETED");
		}
	}

	@Test
	void aRunThatStartsWhileTheDatabaseIsDownWaitsForItAndDelivers() throws Exception {
		try (OwnPostgresServer database = OwnPostgresServer.start();
				ScbStandIn scb = ScbStandIn.start(StandInOptions.defaults().withPort(0).withPollsBeforeFinal(0))) {
			Path file = TestFiles.xml(this.dir.resolve("files"), "vinn.xml", 900, null);
			database.stopImmediately();
			ChildJvm.Running deliver = ChildJvm
				.withSettings(settings(scb, database).with("spring.datasource.hikari.connection-timeout", "1000"))
				.timeout(Duration.ofMinutes(2))
				.start("deliver", "--file", file.toString(), "--org", "999000-0045", "--program", "VINN", "--period",
						"2024-06-30", "--format", "V40");

			deliver.awaitStderr("The job repository cannot be reached");
			database.startAgain();
			CliResult delivered = deliver.awaitExit();

			assertThat(delivered.exitCode()).as(delivered.toString()).isZero();
			assertThat(delivered.out()).contains("LOADED");
			assertThat(scb.deliveries()).hasSize(1);
		}
	}

	@Test
	void aJobRepositoryThatCannotBeReachedAtAllIsReportedInOneLineAfterTheTolerance() throws Exception {
		int closed;
		try (java.net.ServerSocket socket = new java.net.ServerSocket(0)) {
			closed = socket.getLocalPort();
		}
		ProductSettings settings = ProductSettings.standard(RepositoryOutageTest.class, this.dir)
			.jobRepositoryUrl("jdbc:postgresql://127.0.0.1:" + closed + "/scb")
			.with("spring.datasource.username", "postgres")
			.with("spring.datasource.password", "")
			.with("scb.repository.outage-tolerance", "2s")
			.with("spring.datasource.hikari.connection-timeout", "1000");

		CliResult list = ChildJvm.withSettings(settings).timeout(Duration.ofMinutes(1)).run("list");

		assertThat(list.exitCode()).as(list.toString()).isEqualTo(1);
		assertThat(list.err()).contains("waiting for it up to scb.repository.outage-tolerance=PT2S")
			.contains("error: the job repository cannot be reached (Connection to 127.0.0.1:" + closed + " refused")
			.contains("check spring.datasource.url, and that the database is up; nothing was sent")
			.doesNotContain("\tat ")
			.doesNotContain("Exception encountered");
		assertThat(list.err().lines().filter((line) -> line.startsWith("error: "))).hasSize(1);
	}

	/** Until no live lease is left in the table, by the database's own clock. */
	private static void awaitLeaseLapsed(OwnPostgresServer database) {
		await().atMost(Duration.ofSeconds(30)).until(() -> {
			try (Connection connection = database.connect("scb_outage");
					Statement statement = connection.createStatement();
					ResultSet rows = statement.executeQuery("SELECT COUNT(*) FROM SCB_DELIVERY_LOCK "
							+ "WHERE LOCK_UNTIL > timezone('utc', CURRENT_TIMESTAMP)")) {
				return rows.next() && rows.getInt(1) == 0;
			}
		});
	}

	private ProductSettings settings(ScbStandIn scb, OwnPostgresServer database) {
		return ProductSettings.standard(RepositoryOutageTest.class, this.dir)
			.standIn(scb)
			.jobRepositoryUrl(database.url())
			.with("spring.datasource.username", database.user())
			.with("spring.datasource.password", "");
	}

	private Path inbox() {
		Path inbox = this.dir.resolve("inbox");
		for (int i = 0; i < FILES; i++) {
			TestFiles.xml(
					inbox.resolve(ORGANISATIONS.get(i % ORGANISATIONS.size()) + "/KRITA/2026-11-30/KRITA_MONTHLY"),
					"outage-" + i + ".xml", 1_500, null);
		}
		return inbox;
	}

	private static long completed(ScbStandIn scb) {
		return scb.uploadEvents().stream().filter((event) -> event.kind() == UploadEvent.Kind.COMPLETED).count();
	}

	/** The newest execution of every delivery, counted by status. */
	private static Map<String, Long> statuses(OwnPostgresServer database) throws Exception {
		try (Connection connection = database.connect("scb_outage");
				Statement statement = connection.createStatement();
				ResultSet rows = statement.executeQuery("SELECT e.STATUS FROM BATCH_JOB_EXECUTION e WHERE "
						+ "e.JOB_EXECUTION_ID = (SELECT MAX(x.JOB_EXECUTION_ID) FROM BATCH_JOB_EXECUTION x "
						+ "WHERE x.JOB_INSTANCE_ID = e.JOB_INSTANCE_ID)")) {
			List<String> statuses = new java.util.ArrayList<>();
			while (rows.next()) {
				statuses.add(rows.getString(1));
			}
			return statuses.stream().collect(Collectors.groupingBy(Function.identity(), Collectors.counting()));
		}
	}

}
