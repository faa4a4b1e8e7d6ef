package se.scbdelivery.cli;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import se.scbdelivery.simulator.ScbStandIn;
import se.scbdelivery.simulator.StandInOptions;
import se.scbdelivery.simulator.gdb.StoredDelivery;
import se.scbdelivery.simulator.server.UploadEvent;
import se.scbdelivery.testsupport.ChildJvm;
import se.scbdelivery.testsupport.CliResult;
import se.scbdelivery.testsupport.InProcessCli;
import se.scbdelivery.testsupport.PostgresTestDatabase;
import se.scbdelivery.testsupport.ProductSettings;
import se.scbdelivery.testsupport.TestFiles;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * Month-end at SCB's pace: SCB takes its time (the stand-in answers Bearbetar until a
 * processing time has passed since each upload's completion), and files waiting for its
 * verdict hold no delivery slot. Real sockets, real processes, real job repositories.
 */
class MonthEndTest {

	private static final List<String> ORGANISATIONS = List.of("9990000045", "9990000052", "9990000136", "9990000219",
			"9990000391");

	@TempDir
	Path dir;

	@Test
	void whileScbHoldsOneVerdictTheOtherFilesAreUploadedAndFinishedWithNoMoreThanNUploadsInFlight() throws Exception {
		try (ScbStandIn scb = ScbStandIn.start(StandInOptions.defaults().withPort(0).withPollsBeforeFinal(0))) {
			// the first delivery SCB stores takes 10 s; the others are done at once
			scb.faults().processing(1, Duration.ofSeconds(10));
			Path inbox = inbox(6);

			// the poll settings as an operator writes them, not the tests' fast ones
			ProductSettings settings = settings(scb).pollInterval("250ms")
				.pollMaxInterval("2s")
				.with("scb.poll.max-rate", "4");

			CliResult result = InProcessCli.run(settings, "scan", inbox.toString(), "--concurrency", "2");

			assertThat(result.exitCode()).as(result.toString()).isZero();
			assertThat(result.out()).contains("6 files: 6 LOADED");
			List<UploadEvent> events = scb.uploadEvents();
			String slow = events.stream()
				.filter((event) -> event.kind() == UploadEvent.Kind.COMPLETED)
				.findFirst()
				.orElseThrow()
				.id();
			Instant slowVerdict = at(events, slow, UploadEvent.Kind.FINAL_STATUS_ANSWERED);
			List<String> others = ids(events).stream().filter((id) -> !id.equals(slow)).toList();
			assertThat(others).hasSize(5);
			// every other file was uploaded and answered finally while SCB held the first
			assertThat(others).allSatisfy((id) -> {
				assertThat(at(events, id, UploadEvent.Kind.COMPLETED)).isBefore(slowVerdict);
				assertThat(at(events, id, UploadEvent.Kind.FINAL_STATUS_ANSWERED)).isBefore(slowVerdict);
			});
			assertThat(scb.peakUploadsInFlight()).as("uploads in flight at once, as SCB saw them").isBetween(1, 2);
			assertThat(result.out()).contains("scan: waiting for SCB;").contains("scan: done;");
		}
	}

	@Test
	void sigtermWhileFilesWaitLeavesThemForTheNextScanWhichFollowsThemWithoutUploadingAgain() throws Exception {
		try (ScbStandIn scb = ScbStandIn.start(
				StandInOptions.defaults().withPort(0).withPollsBeforeFinal(0).withProcessing(Duration.ofSeconds(8)))) {
			Path inbox = inbox(4);
			ProductSettings settings = settings(scb);

			CliResult stopped = scanStoppedWhileWaiting(settings, inbox, 4);
			int fragments = scb.fragments().size();

			// the process ends within scb.shutdown.grace, every file recorded as waiting
			assertThat(stopped.exitCode()).as(stopped.toString()).isEqualTo(143);
			assertThat(stopped.out())
				.contains("4 files: 4 WAITING - stopped on request by SIGTERM: the process exits 143");
			assertThat(stopped.err()).contains("deliveries waiting for SCB stay STOPPED");

			CliResult next = InProcessCli.run(settings, "scan", inbox.toString(), "--concurrency", "2");

			assertThat(next.exitCode()).as(next.toString()).isZero();
			assertThat(next.out()).contains("4 files: 4 LOADED");
			assertThat(completed(scb)).as("uploads SCB completed").isEqualTo(4);
			assertThat(scb.fragments()).as("fragments SCB received").hasSize(fragments);
			CliResult list = InProcessCli.run(settings, "list");
			assertThat(list.out()).contains("LOADED").doesNotContain("WAITING").doesNotContain("STOPPED");
		}
	}

	@Test
	void restartFailedFollowsDeliveriesLeftWaitingWithoutUploadingThemAgain() throws Exception {
		try (ScbStandIn scb = ScbStandIn.start(
				StandInOptions.defaults().withPort(0).withPollsBeforeFinal(0).withProcessing(Duration.ofSeconds(15)))) {
			Path inbox = inbox(2);
			ProductSettings settings = settings(scb);
			CliResult stopped = scanStoppedWhileWaiting(settings, inbox, 2);
			assertThat(stopped.out()).as(stopped.toString()).contains("2 files: 2 WAITING");
			int fragments = scb.fragments().size();

			CliResult restarted = InProcessCli.run(settings, "restart", "--failed", "--concurrency", "1");

			assertThat(restarted.exitCode()).as(restarted.toString()).isZero();
			assertThat(restarted.out()).contains("2 files: 2 LOADED").contains("restart --failed: waiting for SCB;");
			assertThat(completed(scb)).as("uploads SCB completed").isEqualTo(2);
			assertThat(scb.fragments()).as("fragments SCB received").hasSize(fragments);
		}
	}

	@Test
	void aRestartOfAWaitingExecutionFollowsItsDeliveryIdAndNeverUploadsAgain() throws Exception {
		try (ScbStandIn scb = ScbStandIn.start(
				StandInOptions.defaults().withPort(0).withPollsBeforeFinal(0).withProcessing(Duration.ofSeconds(6)))) {
			Path file = TestFiles.xml(this.dir.resolve("files"), "krita.xml", 2_500, null);
			ProductSettings settings = settings(scb);
			ChildJvm.Running deliver = ChildJvm.withSettings(settings)
				.timeout(Duration.ofMinutes(2))
				.start("deliver", "--file", file.toString(), "--org", "9990000045", "--program", "KRITA", "--period",
						"2026-11-30", "--format", "KRITA_MONTHLY");
			awaitWaiting(deliver, 1);
			deliver.terminate();
			CliResult stopped = deliver.awaitExit(Duration.ofSeconds(30));
			assertThat(stopped.out()).as(stopped.toString())
				.contains(
						"WAITING for SCB's verdict, stopped on request by SIGTERM (the process exits 143; a later run "
								+ "follows it without uploading again)");
			long execution = stopped.execution();
			int fragments = scb.fragments().size();

			CliResult restarted = InProcessCli.run(settings, "restart", Long.toString(execution));

			assertThat(restarted.exitCode()).as(restarted.toString()).isZero();
			assertThat(restarted.out()).contains("LOADED (exit 0)");
			assertThat(scb.deliveries()).singleElement()
				.satisfies((delivery) -> assertThat(restarted.out()).contains(delivery.deliveryId().value()));
			assertThat(scb.fragments()).as("fragments SCB received").hasSize(fragments);
			// the restart's own times are its last moment; the summary also says how long
			// the delivery took from its upload, past SCB's 6 s of processing
			Matcher timings = Pattern
				.compile("(?m)^  timings .*; the delivery began \\d{4}-\\d\\d-\\d\\d "
						+ "\\d\\d:\\d\\d:\\d\\d \\S+, (\\d+\\.\\d) s in all$")
				.matcher(restarted.out());
			assertThat(timings.find()).as(restarted.out()).isTrue();
			assertThat(Double.parseDouble(timings.group(1))).isGreaterThanOrEqualTo(6.0);
		}
	}

	@Test
	void systemfelDuringAMonthEndUploadsAgainThroughASlotAndEveryFileLoads() throws Exception {
		try (ScbStandIn scb = ScbStandIn.start(
				StandInOptions.defaults().withPort(0).withPollsBeforeFinal(0).withProcessing(Duration.ofSeconds(1)))) {
			scb.faults().finalStatus(1, "Systemfel");
			Path inbox = inbox(4);

			CliResult result = InProcessCli.run(settings(scb), "scan", inbox.toString(), "--concurrency", "2");

			assertThat(result.exitCode()).as(result.toString()).isZero();
			assertThat(result.out()).contains("4 files: 4 LOADED");
			List<StoredDelivery> stored = scb.deliveries();
			assertThat(stored).hasSize(5);
			assertThat(stored).filteredOn((delivery) -> delivery.status().equals("Systemfel")).hasSize(1);
			Map<String, Long> uploadsPerFile = stored.stream()
				.collect(Collectors.groupingBy(
						(delivery) -> delivery.target().organisation() + "/" + delivery.target().fileName(),
						Collectors.counting()));
			assertThat(uploadsPerFile.values()).containsExactlyInAnyOrder(2L, 1L, 1L, 1L);
			assertThat(scb.peakUploadsInFlight()).as("uploads in flight at once, re-upload included").isBetween(1, 2);
		}
	}

	@Test
	void twoProcessesSharingAnInboxWithWaitingFilesDeliverEachFileOnce() throws Exception {
		// skipped (or failed under CI) here, before any work, when PostgreSQL cannot be
		// reached
		PostgresTestDatabase.url();
		try (ScbStandIn scb = ScbStandIn.start(
				StandInOptions.defaults().withPort(0).withPollsBeforeFinal(0).withProcessing(Duration.ofSeconds(3)))) {
			Path inbox = inbox(10);
			ProductSettings settings = settings(scb).postgres();
			List<ChildJvm.Running> processes = new ArrayList<>();
			for (int p = 0; p < 2; p++) {
				processes.add(ChildJvm
					.withSettings(settings.reportDir(this.dir.resolve("reports-" + p))
						.logFile(settings.outputFolder().resolve("logs/scb-" + p + ".log")))
					.timeout(Duration.ofMinutes(3))
					.start("scan", inbox.toString(), "--concurrency", "2"));
			}
			List<CliResult> results = new ArrayList<>();
			for (ChildJvm.Running process : processes) {
				results.add(process.awaitExit());
			}

			assertThat(results).allSatisfy((result) -> assertThat(result.exitCode()).as(result.toString()).isZero());
			assertThat(completed(scb)).as("uploads SCB completed").isEqualTo(10);
			assertThat(scb.deliveries()).hasSize(10);
			// a file waiting at SCB in one process is left to it by the other, and the
			// rows of both summaries together show every file loaded
			String both = results.get(0).out() + results.get(1).out();
			assertThat(loadedFiles(both)).hasSize(10);
		}
	}

	private ProductSettings settings(ScbStandIn scb) {
		return ProductSettings.standard(MonthEndTest.class, this.dir).standIn(scb);
	}

	private Path inbox(int files) {
		Path inbox = this.dir.resolve("inbox");
		for (int i = 0; i < files; i++) {
			TestFiles.xml(
					inbox.resolve(ORGANISATIONS.get(i % ORGANISATIONS.size()) + "/KRITA/2026-11-30/KRITA_MONTHLY"),
					"month-end-" + i + ".xml", 1_500, null);
		}
		return inbox;
	}

	/**
	 * A scan in a JVM of its own, sent SIGTERM once all its files wait for SCB's verdict.
	 */
	private static CliResult scanStoppedWhileWaiting(ProductSettings settings, Path inbox, int files) {
		ChildJvm.Running scan = ChildJvm.withSettings(settings)
			.timeout(Duration.ofMinutes(2))
			.start("scan", inbox.toString(), "--concurrency", "2");
		awaitWaiting(scan, files);
		scan.terminate();
		return scan.awaitExit(Duration.ofSeconds(30));
	}

	/** Until the process says that many of its deliveries wait for SCB's verdict. */
	private static void awaitWaiting(ChildJvm.Running process, int deliveries) {
		await().atMost(Duration.ofMinutes(1)).until(() -> {
			String err = Files.readString(process.stderr());
			return err.split("waits for the verdict without a delivery slot", -1).length - 1 >= deliveries;
		});
	}

	private static long completed(ScbStandIn scb) {
		return scb.uploadEvents().stream().filter((event) -> event.kind() == UploadEvent.Kind.COMPLETED).count();
	}

	private static List<String> ids(List<UploadEvent> events) {
		return events.stream().map(UploadEvent::id).distinct().toList();
	}

	private static Instant at(List<UploadEvent> events, String id, UploadEvent.Kind kind) {
		return events.stream()
			.filter((event) -> event.id().equals(id) && event.kind() == kind)
			.map(UploadEvent::at)
			.findFirst()
			.orElseThrow(() -> new AssertionError(kind + " of " + id + " not in " + events));
	}

	/** The files a summary table shows LOADED. */
	private static List<String> loadedFiles(String out) {
		Matcher matcher = Pattern.compile("(?m)^LOADED .*?(month-end-\\d+\\.xml)").matcher(out);
		List<String> files = new ArrayList<>();
		while (matcher.find()) {
			files.add(matcher.group(1));
		}
		return files.stream().distinct().collect(Collectors.toList());
	}

}
