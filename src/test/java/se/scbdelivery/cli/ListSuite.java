package se.scbdelivery.cli;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

import org.assertj.core.api.InstanceOfAssertFactories;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.TestMethodOrder;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

import se.scbdelivery.simulator.ScbStandIn;
import se.scbdelivery.simulator.StandInOptions;
import se.scbdelivery.simulator.server.Faults;
import se.scbdelivery.testsupport.CliResult;
import se.scbdelivery.testsupport.InProcessCli;
import se.scbdelivery.testsupport.ProductSettings;
import se.scbdelivery.testsupport.TestFiles;

import static org.assertj.core.api.Assertions.as;
import static org.assertj.core.api.Assertions.assertThat;
import static se.scbdelivery.testsupport.InProcessCli.assertNoJavaInternals;
import static se.scbdelivery.testsupport.InProcessCli.firstErrorLine;

/**
 * {@code list} filters and JSON, through the real entry point, over four deliveries made
 * once against the stand-in: loaded.xml (999000-0045, loaded), rejected.xml (556677-8899,
 * {@code Ej inläst}), failed.xml (999000-0045, every fragment answered 500) and
 * resumed.xml (556677-8899, failed the same way, then delivered again and loaded: two
 * executions of one delivery). The database applies the filters and the limit
 * ({@code DeliveryExecutions}); each repository the product supports runs this suite.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
abstract class ListSuite {

	private Path dir;

	private ScbStandIn scb;

	private ProductSettings settings;

	/** resumed.xml's executions, newest first. */
	private List<Long> resumed;

	/** The job repository this suite runs on, set the way a user writes it. */
	abstract ProductSettings onRepository(ProductSettings standard, Path dir);

	@BeforeAll
	void fourDeliveries() {
		this.scb = ScbStandIn.start(StandInOptions.defaults().withPollsBeforeFinal(1));
		ProductSettings standard = ProductSettings.standard(getClass());
		this.dir = standard.work();
		this.settings = onRepository(standard, this.dir).standIn(this.scb);
		assertThat(deliver("loaded.xml", "999000-0045", null).exitCode()).isZero();
		assertThat(deliver("rejected.xml", "556677-8899", "Ej inläst").exitCode()).isEqualTo(3);
		this.scb.faults().respond(Faults.Call.FRAGMENT, 0, Integer.MAX_VALUE, 500);
		assertThat(deliver("failed.xml", "999000-0045", null).exitCode()).isEqualTo(1);
		assertThat(deliver("resumed.xml", "556677-8899", null).exitCode()).isEqualTo(1);
		this.scb.faults().clear();
		assertThat(deliver("resumed.xml", "556677-8899", null).exitCode()).isZero();
		this.resumed = JsonMapper.shared()
			.readTree(list("--all", "--json", "--org", "556677-8899").out())
			.valueStream()
			.filter((report) -> report.get("fileName").asString().equals("resumed.xml"))
			.map((report) -> report.get("execution").asLong())
			.toList();
		assertThat(this.resumed).hasSize(3);
	}

	@AfterAll
	void stopStandIn() {
		this.scb.close();
	}

	@Test
	void statusMatchesAnOutcome() {
		CliResult result = list("--status", "LOADED");

		assertThat(result.exitCode()).as(result.toString()).isZero();
		assertThat(result.out()).contains("loaded.xml").doesNotContain("rejected.xml").doesNotContain("failed.xml");
	}

	@Test
	void statusMatchesAJobStatusInAnyCase() {
		assertThat(list("--status", "failed").out()).contains("failed.xml")
			.doesNotContain("loaded.xml")
			.doesNotContain("rejected.xml");
		assertThat(list("--status", "completed").out()).contains("loaded.xml")
			.contains("rejected.xml")
			.doesNotContain("failed.xml");
	}

	@Test
	void severalStatusesAreAlternatives() {
		assertThat(list("--status", "NOT_LOADED,failed").out()).contains("rejected.xml")
			.contains("failed.xml")
			.doesNotContain("loaded.xml");
	}

	@Test
	void orgInTheDashFormMatchesTheDeliveriesForIt() {
		CliResult result = list("--org", "999000-0045");

		assertThat(result.out()).contains("loaded.xml").contains("failed.xml").doesNotContain("rejected.xml");
	}

	@Test
	void theTableNamesTheStepAFailedDeliveryStoppedIn() {
		CliResult result = list();

		assertThat(result.out().lines().filter((line) -> line.contains("failed.xml")))
			.singleElement(as(InstanceOfAssertFactories.STRING))
			.contains("FAILED in uploadFragments");
		assertThat(result.out().lines().filter((line) -> line.contains("loaded.xml")))
			.singleElement(as(InstanceOfAssertFactories.STRING))
			.contains("COMPLETED ")
			.doesNotContain(" in ");
	}

	@Test
	void sinceADurationAgoListsTodaysDeliveries() {
		assertThat(list("--since", "1h").out()).contains("loaded.xml").contains("rejected.xml").contains("failed.xml");
	}

	@Test
	void sinceAFutureDateListsNothingAndSaysSo() {
		CliResult result = list("--since", "2999-01-01");

		assertThat(result.exitCode()).as(result.toString()).isZero();
		assertThat(result.out()).isEqualTo("No deliveries match the filters." + System.lineSeparator());
	}

	@Test
	void limitKeepsTheNewestThatMatch() {
		CliResult result = list("--org", "9990000045", "--limit", "1");

		assertThat(result.out()).contains("failed.xml").doesNotContain("loaded.xml");
	}

	@Test
	void jsonIsAnArrayOfTheReportsNewestFirstAndNothingElse() {
		CliResult result = list("--json");

		assertThat(result.exitCode()).as(result.toString()).isZero();
		JsonNode reports = JsonMapper.shared().readTree(result.out());
		assertThat(reports.isArray()).isTrue();
		assertThat(reports.valueStream().map((report) -> report.get("fileName").asString()))
			.containsExactly("resumed.xml", "failed.xml", "rejected.xml", "loaded.xml");
		assertThat(reports.get(0).get("execution").asLong()).isGreaterThan(reports.get(1).get("execution").asLong());
		JsonNode failed = reports.get(1);
		assertThat(failed.get("jobStatus").asString()).isEqualTo("FAILED");
		assertThat(failed.get("step").asString()).isEqualTo("uploadFragments");
		assertThat(reports.get(3).get("step").isNull()).as("a completed delivery stopped in no step").isTrue();
		assertThat(failed.get("outcome").asString()).isEqualTo("FAILED");
		assertThat(failed.get("exitCode").asInt()).isEqualTo(1);
		assertThat(failed.get("whatToDo").asString()).contains("restart " + failed.get("execution").asLong());
		assertThat(failed.get("startedAt").asString()).isNotBlank();
	}

	@Test
	void jsonWithAFilterHasOnlyTheMatchingReport() {
		CliResult result = list("--json", "--status", "not_loaded");

		JsonNode reports = JsonMapper.shared().readTree(result.out());
		assertThat(reports).hasSize(1);
		JsonNode rejected = reports.get(0);
		assertThat(rejected.get("fileName").asString()).isEqualTo("rejected.xml");
		assertThat(rejected.get("organisation").asString()).isEqualTo("5566778899");
		assertThat(rejected.get("jobStatus").asString()).isEqualTo("COMPLETED");
		assertThat(rejected.get("outcome").asString()).isEqualTo("NOT_LOADED");
		assertThat(rejected.get("exitCode").asInt()).isEqualTo(3);
		assertThat(rejected.get("scbStatus").get("status").asString()).isEqualTo("Ej inläst");
	}

	@Test
	void aDeliveryIsOneRowItsNewestExecution() {
		CliResult result = list();

		assertThat(result.out().lines().filter((line) -> line.contains("resumed.xml")))
			.singleElement(as(InstanceOfAssertFactories.STRING))
			.startsWith(this.resumed.get(0) + " ")
			.contains("COMPLETED ")
			.contains("LOADED");
	}

	@Test
	void aFailureAResumeTookOverIsNotAFailure() {
		assertThat(list("--status", "failed").out()).contains("failed.xml").doesNotContain("resumed.xml");
		assertThat(list("--all", "--status", "failed").out()).contains("failed.xml").doesNotContain("resumed.xml");
	}

	@Test
	void everyExecutionShowsTheSupersededOnesWithTheirSuccessors() {
		CliResult result = list("--all", "--org", "556677-8899");

		// failed, resumed and stopped to wait for SCB's verdict, then completed
		assertThat(result.out().lines().filter((line) -> line.contains("resumed.xml"))).containsExactly(
				row(result, this.resumed.get(0), "COMPLETED"),
				row(result, this.resumed.get(1), "SUPERSEDED by " + this.resumed.get(0)),
				row(result, this.resumed.get(2), "SUPERSEDED by " + this.resumed.get(1)));
	}

	@Test
	void supersededSelectsOnlyTheExecutionsLaterOnesTookOver() {
		CliResult result = list("--all", "--status", "superseded", "--org", "556677-8899", "--json");

		JsonNode reports = JsonMapper.shared().readTree(result.out());
		// rejected.xml's stop to wait for SCB, and resumed.xml's failure and stop
		assertThat(reports.valueStream().map((report) -> report.get("outcome").asString())).hasSize(3)
			.containsOnly("SUPERSEDED");
		JsonNode failure = reports.get(1);
		assertThat(failure.get("execution").asLong()).isEqualTo(this.resumed.get(2));
		assertThat(failure.get("jobStatus").asString()).as("what it ended with is kept").isEqualTo("FAILED");
		assertThat(failure.get("supersededBy").asLong()).isEqualTo(this.resumed.get(1));
		assertThat(failure.get("whatToDo").asString())
			.isEqualTo("nothing: execution " + this.resumed.get(1) + " took this delivery over from here");
		assertThat(list("--status", "superseded").out()).as("a delivery's newest execution is never superseded")
			.isEqualTo("No deliveries match the filters." + System.lineSeparator());
	}

	@Test
	void theFiltersCombineWithTheLimitInTheDatabase() {
		CliResult result = list("--all", "--status", "completed,failed", "--since", "1h", "--limit", "2", "--json");

		JsonNode reports = JsonMapper.shared().readTree(result.out());
		assertThat(reports.valueStream().map((report) -> report.get("fileName").asString()))
			.containsExactly("resumed.xml", "failed.xml");
	}

	/** Last: it resumes failed.xml. */
	@Test
	@Order(Integer.MAX_VALUE)
	void restartFailedLeavesADeliveryAResumeLoadedAlone() {
		CliResult result = InProcessCli.run(this.settings, "restart", "--failed");

		assertThat(result.out()).contains("failed.xml").doesNotContain("resumed.xml");
	}

	@Test
	void anUnknownStatusIsInvalidUsageInOneLine() {
		CliResult result = list("--status", "nonsense");

		assertThat(result.exitCode()).as(result.toString()).isEqualTo(2);
		assertThat(firstErrorLine(result)).isEqualTo("error: --status 'nonsense' is not a job status or an outcome:"
				+ " use one or more, comma-separated, of COMPLETED, STARTING, STARTED, STOPPING, STOPPED, FAILED,"
				+ " ABANDONED, UNKNOWN, LOADED, NOT_LOADED, REFUSED, LOADED_WITH_ERRORS, INVALID_INPUT, WAITING, RUNNING,"
				+ " SKIPPED, SUPERSEDED");
		assertThat(result.out()).isEmpty();
		assertNoJavaInternals(result);
	}

	@Test
	void aBadOrganisationNumberOrTimeIsInvalidUsage() {
		CliResult org = list("--org", "999000-0046");
		CliResult since = list("--since", "yesterday");

		assertThat(org.exitCode()).as(org.toString()).isEqualTo(2);
		assertThat(firstErrorLine(org)).contains("9990000046").contains("check digit");
		assertThat(since.exitCode()).as(since.toString()).isEqualTo(2);
		assertThat(firstErrorLine(since)).isEqualTo("error: --since 'yesterday' must be a date (2026-11-01), a "
				+ "date-time (2026-11-01T08:00, 2026-11-01T08:00+01:00) or a duration back from now (24h, 7d, PT30M)");
		assertThat(org.out() + since.out()).isEmpty();
	}

	private CliResult deliver(String name, String org, String outcome) {
		Path inbox = this.dir.resolve("inbox");
		// delivered again: the same file, the same delivery
		Path file = Files.exists(inbox.resolve(name)) ? inbox.resolve(name)
				: TestFiles.xml(inbox, name, 1_500, outcome);
		return InProcessCli.run(this.settings, "deliver", "--file", file.toString(), "--org", org, "--program", "VINN",
				"--period", "2024-06-30", "--format", "V40");
	}

	/** The table row of an execution, as the header's columns place it. */
	private static String row(CliResult result, long execution, String status) {
		return result.out()
			.lines()
			.filter((line) -> line.startsWith(execution + " "))
			.findFirst()
			.filter((line) -> line.contains(" " + status + " "))
			.orElse("no row of execution " + execution + " with status " + status + " in:\n" + result.out());
	}

	private CliResult list(String... options) {
		List<String> command = new ArrayList<>(List.of("list"));
		command.addAll(List.of(options));
		return InProcessCli.run(this.settings, command.toArray(String[]::new));
	}

}
