package se.scbdelivery.cli;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

import org.assertj.core.api.InstanceOfAssertFactories;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
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
 * {@code list} filters and JSON, through the real entry point, over three deliveries made
 * once against the stand-in: loaded.xml (999000-0045, loaded), rejected.xml (556677-8899,
 * {@code Ej inläst}) and failed.xml (999000-0045, every fragment answered 500).
 */
class ListCommandTest {

	@TempDir
	static Path dir;

	private static ScbStandIn scb;

	private static ProductSettings settings;

	@BeforeAll
	static void threeDeliveries() {
		scb = ScbStandIn.start(StandInOptions.defaults().withPollsBeforeFinal(1));
		settings = ProductSettings.standard(ListCommandTest.class, dir).standIn(scb);
		assertThat(deliver("loaded.xml", "999000-0045", null).exitCode()).isZero();
		assertThat(deliver("rejected.xml", "556677-8899", "Ej inläst").exitCode()).isEqualTo(3);
		scb.faults().respond(Faults.Call.FRAGMENT, 0, Integer.MAX_VALUE, 500);
		assertThat(deliver("failed.xml", "999000-0045", null).exitCode()).isEqualTo(1);
		scb.faults().clear();
	}

	@AfterAll
	static void stopStandIn() {
		scb.close();
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
			.containsExactly("failed.xml", "rejected.xml", "loaded.xml");
		assertThat(reports.get(0).get("execution").asLong()).isGreaterThan(reports.get(1).get("execution").asLong());
		JsonNode failed = reports.get(0);
		assertThat(failed.get("jobStatus").asString()).isEqualTo("FAILED");
		assertThat(failed.get("step").asString()).isEqualTo("uploadFragments");
		assertThat(reports.get(2).get("step").isNull()).as("a completed delivery stopped in no step").isTrue();
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
	void anUnknownStatusIsInvalidUsageInOneLine() {
		CliResult result = list("--status", "nonsense");

		assertThat(result.exitCode()).as(result.toString()).isEqualTo(2);
		assertThat(firstErrorLine(result)).isEqualTo("error: --status 'nonsense' is not a job status or an outcome:"
				+ " use one or more, comma-separated, of COMPLETED, STARTING, STARTED, STOPPING, STOPPED, FAILED,"
				+ " ABANDONED, UNKNOWN, LOADED, NOT_LOADED, REFUSED, LOADED_WITH_ERRORS, INVALID_INPUT, WAITING, RUNNING,"
				+ " SKIPPED");
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

	private static CliResult deliver(String name, String org, String outcome) {
		Path file = TestFiles.xml(dir.resolve("inbox"), name, 1_500, outcome);
		return InProcessCli.run(settings, "deliver", "--file", file.toString(), "--org", org, "--program", "VINN",
				"--period", "2024-06-30", "--format", "V40");
	}

	private static CliResult list(String... options) {
		List<String> command = new ArrayList<>(List.of("list"));
		command.addAll(List.of(options));
		return InProcessCli.run(settings, command.toArray(String[]::new));
	}

}
