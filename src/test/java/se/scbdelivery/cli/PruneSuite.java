package se.scbdelivery.cli;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.format.DateTimeFormatter;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.stream.Collectors;
import java.util.stream.Stream;

import org.jspecify.annotations.Nullable;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

import org.springframework.batch.core.job.JobExecution;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.system.OutputCaptureExtension;
import org.springframework.jdbc.core.JdbcTemplate;

import se.scbdelivery.delivery.launch.DeliveryLocks;
import se.scbdelivery.delivery.launch.TestLeases;
import se.scbdelivery.simulator.server.Faults.Call;
import se.scbdelivery.testsupport.CliResult;
import se.scbdelivery.testsupport.TestFiles;

import static org.assertj.core.api.Assertions.assertThat;
import static se.scbdelivery.testsupport.InProcessCli.assertNoJavaInternals;
import static se.scbdelivery.testsupport.InProcessCli.firstErrorLine;

/**
 * {@code prune}: real deliveries to the stand-in, aged by moving their executions' times
 * back in SQL, then pruned. Each test starts from an empty job repository of its own
 * ({@link PruneOnH2Test}, {@link PruneOnPostgresTest}), so the counts printed are exact.
 */
abstract class PruneSuite extends DeliveryEndToEnd {

	private static final DateTimeFormatter MINUTES = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm z")
		.withZone(java.time.ZoneId.systemDefault());

	private static final String RESTART_HINT = " (see 'list'; 'restart --failed' resumes such deliveries, and "
			+ "'abandon' gives one up for a later prune to remove)";

	/** Old: well before the 400 days the tests prune at; each delivery an hour later. */
	private final LocalDateTime old = LocalDateTime.now().minusDays(500).truncatedTo(ChronoUnit.MINUTES);

	private int aged;

	@Autowired
	JdbcTemplate jdbc;

	@Autowired
	DeliveryLocks locks;

	@BeforeEach
	void emptyJobRepository() {
		for (String table : List.of("BATCH_STEP_EXECUTION_CONTEXT", "BATCH_STEP_EXECUTION",
				"BATCH_JOB_EXECUTION_CONTEXT", "BATCH_JOB_EXECUTION_PARAMS", "BATCH_JOB_EXECUTION",
				"BATCH_JOB_INSTANCE", "SCB_PRUNED_DELIVERY")) {
			this.jdbc.update("DELETE FROM " + table);
		}
	}

	@Test
	void aDryRunRemovesNothingAndSaysWhatItWould() {
		Delivered loaded = old(deliver("loaded.xml", null));
		Delivered rejected = old(deliver("rejected.xml", "Ej inläst"));
		deliver("young.xml", null);
		Map<String, Integer> before = allRows();

		CliResult dry = run("prune", "--older-than", "400d");

		assertThat(dry.exitCode()).as(dry.toString()).isZero();
		assertThat(body(dry)).containsExactly(
				"  would remove 2 deliveries, " + (loaded.executions().size() + rejected.executions().size())
						+ " executions in all, ended " + firstEnd(loaded) + " to " + lastEnd(rejected) + ":",
				"    LOADED               1", "    LOADED_WITH_ERRORS   0", "    NOT_LOADED           1",
				"    REFUSED              0", "    INVALID_INPUT        0", "    ABANDONED            0",
				"  would keep a record of 2 of them (LOADED, LOADED_WITH_ERRORS, NOT_LOADED, ABANDONED), so that "
						+ "their files are not delivered again",
				"  reports in " + this.reportDir
						+ " left alone: --reports also deletes the reports of the executions removed",
				"Nothing removed: run again with --yes to remove them.");
		assertThat(allRows()).isEqualTo(before);
	}

	@Test
	void pruningRemovesTheOldFinalDeliveriesAsAWholeFromEveryTableAndKeepsARecordOfTheDelivered() throws IOException {
		Delivered loaded = old(deliver("loaded.xml", null));
		Delivered withErrors = old(deliver("errors.xml", "Inläst med fel"));
		Delivered rejected = old(deliver("rejected.xml", "Ej inläst"));
		this.scb.faults().respond(Call.COMPLETION, null, 1, 400);
		Delivered refused = old(deliver("refused.xml", null));
		Delivered invalid = old(failTechnically("invalid.xml"));
		// what a file rewritten during its upload leaves (GdbDeliverySuite makes one)
		newestBecomes(invalid, "FAILED", "INVALID_INPUT");
		Delivered abandoned = failTechnically("abandoned.xml");
		assertThat(run("abandon", String.valueOf(abandoned.newest()), "--reason", "sent by hand").exitCode()).isZero();
		old(abandoned);
		Delivered generic = old(deliverGeneric("generic.csv"));
		Delivered young = deliver("young.xml", null);
		Delivered failed = old(failTechnically("failed.xml"));
		List<Delivered> pruned = List.of(loaded, withErrors, rejected, refused, invalid, abandoned, generic);
		Map<String, Integer> youngRows = rows(young);
		Map<String, Integer> failedRows = rows(failed);
		Set<Path> reportsBefore = reports();
		String ended = firstEnd(loaded) + " to " + lastEnd(generic);

		CliResult pruning = run("prune", "--older-than", "400d", "--yes");

		assertThat(pruning.exitCode()).as(pruning.toString()).isZero();
		assertThat(body(pruning)).containsExactly(
				"  removed 7 deliveries, " + pruned.stream().mapToInt((d) -> d.executions().size()).sum()
						+ " executions in all, ended " + ended + ":",
				"    LOADED               2", "    LOADED_WITH_ERRORS   1", "    NOT_LOADED           1",
				"    REFUSED              1", "    INVALID_INPUT        1", "    ABANDONED            1",
				"  kept a record of 5 of them (LOADED, LOADED_WITH_ERRORS, NOT_LOADED, ABANDONED), so that their "
						+ "files are not delivered again",
				"  kept 1 old delivery that may still be restarted, whatever its age: 1 FAILED" + RESTART_HINT,
				"  reports in " + this.reportDir
						+ " left alone: --reports also deletes the reports of the executions removed");
		for (Delivered delivery : pruned) {
			assertThat(rows(delivery)).as(delivery.toString()).allSatisfy((table, rows) -> assertThat(rows).isZero());
		}
		assertThat(rows(young)).isEqualTo(youngRows).containsEntry("BATCH_JOB_INSTANCE", 1);
		assertThat(rows(failed)).isEqualTo(failedRows).containsEntry("BATCH_JOB_INSTANCE", 1);
		assertThat(this.jdbc.queryForList("SELECT EXECUTION_ID, OUTCOME FROM SCB_PRUNED_DELIVERY ORDER BY EXECUTION_ID")
			.stream()
			.map((row) -> row.get("EXECUTION_ID") + " " + row.get("OUTCOME")))
			.containsExactly(loaded.newest() + " LOADED", withErrors.newest() + " LOADED_WITH_ERRORS",
					rejected.newest() + " NOT_LOADED", abandoned.newest() + " ABANDONED", generic.newest() + " LOADED");
		assertThat(reports()).isEqualTo(reportsBefore);
	}

	@Test
	void neverRemovesWhatMayStillBeRestartedNorAYoungDeliveryNorOneALiveProcessHolds() {
		Delivered failed = old(failTechnically("failed.xml"));
		Delivered stopped = old(failTechnically("stopped.xml"));
		newestBecomes(stopped, "STOPPED", "STOPPED");
		Delivered waiting = old(failTechnically("waiting.xml"));
		newestBecomes(waiting, "STOPPED", "WAITING");
		Delivered running = old(failTechnically("running.xml"));
		newestBecomes(running, "STARTED", "UNKNOWN");
		this.jdbc.update("UPDATE BATCH_JOB_EXECUTION SET END_TIME = NULL WHERE JOB_EXECUTION_ID = ?", running.newest());
		Delivered unknown = old(failTechnically("unknown.xml"));
		newestBecomes(unknown, "UNKNOWN", "UNKNOWN");
		Delivered young = deliver("young.xml", null);
		Delivered held = old(deliver("held.xml", null));
		List<Delivered> all = List.of(failed, stopped, waiting, running, unknown, young, held);
		Map<Delivered, Map<String, Integer>> before = new LinkedHashMap<>();
		all.forEach((delivery) -> before.put(delivery, rows(delivery)));

		CliResult pruning;
		try (TestLeases.Held lease = TestLeases.hold(this.locks, this.jdbc,
				this.jobRepository.getJobExecution(held.newest()).getJobParameters())) {
			pruning = run("prune", "--older-than", "400d", "--yes");
		}
		CliResult afterwards = run("prune", "--older-than", "400d", "--yes");

		assertThat(pruning.exitCode()).as(pruning.toString()).isZero();
		assertThat(body(pruning)).containsExactly("  none removed",
				"  kept 5 old deliveries that may still be restarted, whatever their age: 1 FAILED, 1 RUNNING, "
						+ "1 STOPPED, 1 UNKNOWN, 1 WAITING" + RESTART_HINT,
				"  kept 1 old delivery that a live process is delivering now", "  reports in " + this.reportDir
						+ " left alone: --reports also deletes the reports of the executions removed");
		all.forEach((delivery) -> {
			if (delivery != held) {
				assertThat(rows(delivery)).as(delivery.toString()).isEqualTo(before.get(delivery));
			}
		});
		// once its lease is given back it is old and final like any other
		assertThat(afterwards.out()).contains("  removed 1 delivery, ").contains("    LOADED               1");
		assertThat(rows(held)).containsEntry("BATCH_JOB_INSTANCE", 0);
	}

	@Test
	@ExtendWith(OutputCaptureExtension.class)
	void aPrunedDeliveredFileDeliveredOrScannedAgainSendsNothingAndReportsTheEarlierOutcome(CapturedOutput console) {
		Path inbox = this.inbox.resolve("inbox");
		Path file = TestFiles.xml(inbox.resolve("9990000045/VINN/2024-06-30/V40"), "loaded.xml", 2_500, null);
		CliResult first = deliver(file, "VINN", "2024-06-30", "V40");
		Delivered loaded = old(delivered(first));
		Delivered generic = old(deliverGeneric("generic.csv"));
		String deliveryId = line(first, "DeliveryId");
		assertThat(run("prune", "--older-than", "400d", "--yes").out()).contains("removed 2 deliveries");
		int heartbeats = this.scb.heartbeatCount();
		int fragments = this.scb.fragments().size();
		int submissions = this.scb.genericSubmissions().size();
		Integer instances = this.jdbc.queryForObject("SELECT COUNT(*) FROM BATCH_JOB_INSTANCE", Integer.class);

		CliResult again = deliver(file, "VINN", "2024-06-30", "V40");
		CliResult genericAgain = run("deliver", "--api", "generic", "--file", generic.file().toString(), "--contract",
				"1", "--test");
		CliResult scan = run("scan", inbox.toString());

		String prunedOn = "(its record pruned on " + LocalDate.now() + "): nothing sent";
		assertThat(again.exitCode()).as(again.toString()).isZero();
		assertThat(again.out()).startsWith("Delivery " + loaded.newest()
				+ ": LOADED (exit 0) - delivered earlier; nothing was sent now" + System.lineSeparator());
		assertThat(line(again, "DeliveryId")).isEqualTo(deliveryId);
		assertThat(line(again, "next")).isEqualTo("was delivered by execution " + loaded.newest() + " " + prunedOn);
		assertThat(genericAgain.exitCode()).as(genericAgain.toString()).isZero();
		assertThat(genericAgain.out()).contains("LOADED (exit 0) - delivered earlier; nothing was sent now")
			.contains("was delivered by execution " + generic.newest() + " " + prunedOn);
		assertThat(line(genericAgain, "ticket")).isNotEqualTo("-");
		assertThat(scan.exitCode()).as(scan.toString()).isZero();
		assertThat(scan.out()).containsPattern("(?m)^LOADED .*loaded\\.xml");
		// the log line says the day as the report does, not the instant to the
		// microsecond
		assertThat(console.getErr()).contains(file + " was delivered by execution " + loaded.newest() + " " + prunedOn);
		// the stand-in received nothing new, and no delivery was created
		assertThat(this.scb.heartbeatCount()).isEqualTo(heartbeats);
		assertThat(this.scb.fragments()).hasSize(fragments);
		assertThat(this.scb.genericSubmissions()).hasSize(submissions);
		assertThat(this.jdbc.queryForObject("SELECT COUNT(*) FROM BATCH_JOB_INSTANCE", Integer.class))
			.isEqualTo(instances);
	}

	@Test
	void aPrunedAbandonedFileIsLeftAloneByScansAndDeliveredAnewOnlyByAnExplicitDeliver() {
		Path inbox = this.inbox.resolve("inbox");
		Path file = TestFiles.xml(inbox.resolve("9990000045/VINN/2024-06-30/V40"), "abandoned.xml", 2_500, null);
		this.scb.faults().respond(Call.FRAGMENT, 1, Integer.MAX_VALUE, 500);
		CliResult failed = deliver(file, "VINN", "2024-06-30", "V40");
		this.scb.faults().clear();
		assertThat(run("abandon", String.valueOf(execution(failed)), "--reason", "sent by hand").exitCode()).isZero();
		old(delivered(failed));
		assertThat(run("prune", "--older-than", "400d", "--yes").out()).contains("    ABANDONED            1");
		int before = this.scb.fragments().size();

		CliResult scan = run("scan", inbox.toString());
		int afterScan = this.scb.fragments().size();
		CliResult anew = deliver(file, "VINN", "2024-06-30", "V40");
		CliResult scanAgain = run("scan", inbox.toString());

		assertThat(scan.exitCode()).as(scan.toString()).isZero();
		assertThat(scan.out()).containsPattern("(?m)^ABANDONED .*abandoned\\.xml");
		assertThat(afterScan).isEqualTo(before);
		assertThat(anew.exitCode()).as(anew.toString()).isZero();
		assertThat(anew.out()).doesNotContain("delivered earlier");
		assertThat(indexes(this.scb.fragments().subList(before, this.scb.fragments().size()))).containsExactly(0, 1, 2,
				-1);
		assertThat(onlyDelivery().content()).isEqualTo(bytes(file));
		assertThat(scanAgain.out()).containsPattern("(?m)^LOADED .*abandoned\\.xml").doesNotContain("ABANDONED");
		assertThat(this.scb.deliveries()).hasSize(1);
	}

	@Test
	void reportsDeletesThePrunedExecutionsOwnReportsAndNoOther() throws IOException {
		Delivered loaded = old(deliver("loaded.xml", null));
		this.scb.faults().respond(Call.COMPLETION, null, 1, 400);
		Delivered refused = old(deliver("refused.xml", null));
		Delivered failed = old(failTechnically("failed.xml"));
		deliver("young.xml", null);
		assertThat(run("scan", Files.createDirectories(this.inbox.resolve("empty")).toString()).exitCode()).isZero();
		Set<Path> before = reports();
		Set<Path> theirs = reportsOf(loaded, refused);
		assertThat(theirs).hasSize(2);
		assertThat(reportsOf(failed)).isNotEmpty();
		assertThat(before).anyMatch((report) -> report.getFileName().toString().startsWith("scan-"));

		CliResult dry = run("prune", "--older-than", "400d", "--reports");
		Set<Path> afterDryRun = reports();
		CliResult pruning = run("prune", "--older-than", "400d", "--yes", "--reports");

		assertThat(dry.out()).contains("  reports in " + this.reportDir
				+ ": with --yes, --reports also deletes the reports of the executions removed");
		assertThat(afterDryRun).isEqualTo(before);
		assertThat(pruning.exitCode()).as(pruning.toString()).isZero();
		assertThat(pruning.out())
			.contains("  deleted 2 reports of the removed executions from " + this.reportDir + System.lineSeparator());
		Set<Path> expected = new TreeSet<>(before);
		expected.removeAll(theirs);
		assertThat(reports()).isEqualTo(expected);
	}

	@Test
	void anAgeThatIsNoPositiveDurationIsRefusedInOneLine() {
		Delivered loaded = old(deliver("loaded.xml", null));

		for (String age : List.of("0d", "-5d", "yesterday", "400", "PT0S")) {
			CliResult refused = run("prune", "--older-than", age, "--yes");

			assertThat(refused.exitCode()).as(refused.toString()).isEqualTo(2);
			assertThat(firstErrorLine(refused)).isEqualTo(
					"error: --older-than '" + age + "' must be a positive duration with its unit: 400d, 12h, PT30M");
			assertThat(refused.err().lines().filter((line) -> line.startsWith("error: "))).hasSize(1);
			assertThat(refused.out()).isEmpty();
			assertNoJavaInternals(refused);
		}
		CliResult missing = run("prune", "--yes");
		assertThat(missing.exitCode()).isEqualTo(2);
		assertThat(missing.err()).contains("--older-than");
		assertThat(rows(loaded)).containsEntry("BATCH_JOB_INSTANCE", 1);
	}

	// --- making deliveries

	/**
	 * A delivery as the repository holds it: its instance and executions, oldest first.
	 */
	record Delivered(Path file, long instance, List<Long> executions) {

		long newest() {
			return this.executions.get(this.executions.size() - 1);
		}

	}

	private Delivered deliver(String name, @Nullable String outcome) {
		Path file = TestFiles.xml(this.inbox, name, 1_500, outcome);
		CliResult result = deliver(file, "VINN", "2024-06-30", "V40");
		assertThat(result.out()).as(result.toString()).contains("Delivery ");
		return delivered(result);
	}

	private Delivered deliverGeneric(String name) {
		Path file = TestFiles.xml(this.inbox, name, 600, null);
		CliResult result = run("deliver", "--api", "generic", "--file", file.toString(), "--contract", "1", "--test");
		assertThat(result.exitCode()).as(result.toString()).isZero();
		return delivered(result);
	}

	/** A delivery that failed technically: SCB answered 500 to fragment 1 every time. */
	private Delivered failTechnically(String name) {
		this.scb.faults().respond(Call.FRAGMENT, 1, Integer.MAX_VALUE, 500);
		try {
			Delivered failed = deliver(name, null);
			assertThat(status(failed.newest())).isEqualTo("FAILED");
			return failed;
		}
		finally {
			this.scb.faults().clear();
		}
	}

	private Delivered delivered(CliResult result) {
		long execution = execution(result);
		JobExecution found = this.jobRepository.getJobExecution(execution);
		Long instance = this.jdbc.queryForObject(
				"SELECT JOB_INSTANCE_ID FROM BATCH_JOB_EXECUTION WHERE JOB_EXECUTION_ID = ?", Long.class, execution);
		List<Long> executions = this.jdbc.queryForList(
				"SELECT JOB_EXECUTION_ID FROM BATCH_JOB_EXECUTION WHERE JOB_INSTANCE_ID = ? ORDER BY JOB_EXECUTION_ID",
				Long.class, instance);
		return new Delivered(Path.of(found.getJobParameters().getString("file")), instance, executions);
	}

	/**
	 * Moves the delivery's executions back to {@link #old}, an hour after the previous
	 * delivery aged, each execution a minute after the one before it.
	 */
	private Delivered old(Delivered delivery) {
		LocalDateTime start = this.old.plusHours(this.aged++);
		for (int i = 0; i < delivery.executions().size(); i++) {
			LocalDateTime at = start.plusMinutes(i);
			this.jdbc.update(
					"UPDATE BATCH_JOB_EXECUTION SET CREATE_TIME = ?, START_TIME = ?, END_TIME = ? WHERE JOB_EXECUTION_ID = ?",
					at, at, at.plusSeconds(30), delivery.executions().get(i));
		}
		return delivery;
	}

	/**
	 * Gives the newest execution a status and exit code the stand-in cannot bring about.
	 */
	private void newestBecomes(Delivered delivery, String status, String exitCode) {
		this.jdbc.update("UPDATE BATCH_JOB_EXECUTION SET STATUS = ?, EXIT_CODE = ? WHERE JOB_EXECUTION_ID = ?", status,
				exitCode, delivery.newest());
	}

	// --- looking at the job repository and the reports

	private String firstEnd(Delivered delivery) {
		return MINUTES.format(end(delivery.executions().get(0)));
	}

	private String lastEnd(Delivered delivery) {
		return MINUTES.format(end(delivery.newest()));
	}

	private LocalDateTime end(long execution) {
		return this.jdbc.queryForObject("SELECT END_TIME FROM BATCH_JOB_EXECUTION WHERE JOB_EXECUTION_ID = ?",
				LocalDateTime.class, execution);
	}

	private String status(long execution) {
		return this.jdbc.queryForObject("SELECT STATUS FROM BATCH_JOB_EXECUTION WHERE JOB_EXECUTION_ID = ?",
				String.class, execution);
	}

	/** The delivery's rows in each of Spring Batch's tables. */
	private Map<String, Integer> rows(Delivered delivery) {
		String executions = delivery.executions().stream().map(String::valueOf).collect(Collectors.joining(", "));
		Map<String, Integer> rows = new LinkedHashMap<>();
		rows.put("BATCH_JOB_INSTANCE", count("BATCH_JOB_INSTANCE WHERE JOB_INSTANCE_ID = " + delivery.instance()));
		rows.put("BATCH_JOB_EXECUTION", count("BATCH_JOB_EXECUTION WHERE JOB_INSTANCE_ID = " + delivery.instance()));
		for (String table : List.of("BATCH_JOB_EXECUTION_PARAMS", "BATCH_JOB_EXECUTION_CONTEXT",
				"BATCH_STEP_EXECUTION")) {
			rows.put(table, count(table + " WHERE JOB_EXECUTION_ID IN (" + executions + ")"));
		}
		rows.put("BATCH_STEP_EXECUTION_CONTEXT",
				count("BATCH_STEP_EXECUTION_CONTEXT WHERE STEP_EXECUTION_ID IN "
						+ "(SELECT STEP_EXECUTION_ID FROM BATCH_STEP_EXECUTION WHERE JOB_EXECUTION_ID IN (" + executions
						+ "))"));
		return rows;
	}

	/** Every table's rows. */
	@Test
	void leaseRowsThatLapsedLongerAgoThanTheAgeGoAndNoOtherLeaseRow() {
		LocalDateTime now = LocalDateTime.now();
		Map<String, LocalDateTime> leases = Map.of("delivery-lapsed-500-days-ago", now.minusDays(500),
				"delivery-lapsed-an-hour-ago", now.minusHours(1), "delivery-held-for-an-hour", now.plusHours(1));
		leases.forEach((name, until) -> this.jdbc.update(
				"INSERT INTO SCB_DELIVERY_LOCK (NAME, LOCK_UNTIL, LOCKED_AT, LOCKED_BY) VALUES (?, ?, ?, ?)", name,
				until, until.minusMinutes(1), "host:1"));
		try {
			CliResult dry = run("prune", "--older-than", "400d");

			assertThat(dry.exitCode()).as(dry.toString()).isZero();
			assertThat(body(dry)).contains("  would remove 1 lease row that lapsed before then");
			assertThat(leaseNames()).containsAll(leases.keySet());

			CliResult pruned = run("prune", "--older-than", "400d", "--yes");

			assertThat(pruned.exitCode()).as(pruned.toString()).isZero();
			assertThat(body(pruned)).contains("  removed 1 lease row that lapsed before then");
			assertThat(leaseNames()).doesNotContain("delivery-lapsed-500-days-ago")
				.contains("delivery-lapsed-an-hour-ago", "delivery-held-for-an-hour");
			assertThat(body(run("prune", "--older-than", "400d"))).noneMatch((line) -> line.contains("lease row"));
		}
		finally {
			leases.keySet().forEach((name) -> this.jdbc.update("DELETE FROM SCB_DELIVERY_LOCK WHERE NAME = ?", name));
		}
	}

	private List<String> leaseNames() {
		return this.jdbc.queryForList("SELECT NAME FROM SCB_DELIVERY_LOCK", String.class);
	}

	private Map<String, Integer> allRows() {
		Map<String, Integer> rows = new LinkedHashMap<>();
		for (String table : List.of("BATCH_JOB_INSTANCE", "BATCH_JOB_EXECUTION", "BATCH_JOB_EXECUTION_PARAMS",
				"BATCH_JOB_EXECUTION_CONTEXT", "BATCH_STEP_EXECUTION", "BATCH_STEP_EXECUTION_CONTEXT",
				"SCB_PRUNED_DELIVERY")) {
			rows.put(table, count(table));
		}
		return rows;
	}

	private int count(String from) {
		Integer count = this.jdbc.queryForObject("SELECT COUNT(*) FROM " + from, Integer.class);
		return (count != null) ? count : 0;
	}

	private Set<Path> reports() throws IOException {
		try (Stream<Path> files = Files.list(Path.of(this.reportDir))) {
			return files.collect(Collectors.toCollection(TreeSet::new));
		}
	}

	private Set<Path> reportsOf(Delivered... deliveries) throws IOException {
		Set<Path> theirs = new TreeSet<>();
		for (Path report : reports()) {
			for (Delivered delivery : deliveries) {
				for (long execution : delivery.executions()) {
					if (report.getFileName().toString().startsWith("delivery-" + execution + "-")) {
						theirs.add(report);
					}
				}
			}
		}
		return theirs;
	}

	/** The printed lines after the first, which names the cut-off, checked here. */
	private static List<String> body(CliResult result) {
		List<String> lines = new ArrayList<>(result.out().lines().toList());
		assertThat(lines).as(result.toString()).isNotEmpty();
		assertThat(lines.remove(0)).matches("Deliveries whose newest execution reached a final outcome and ended "
				+ "before \\d{4}-\\d{2}-\\d{2} \\d{2}:\\d{2} \\S+ \\(400d ago\\):");
		return lines;
	}

	/** The value of one labelled row of a delivery's summary. */
	private static String line(CliResult result, String label) {
		return result.out()
			.lines()
			.filter((line) -> line.startsWith(String.format("  %-12s ", label)))
			.map((line) -> line.substring(15))
			.findFirst()
			.orElseThrow(() -> new AssertionError("no " + label + " in " + result));
	}

}
