package se.scbdelivery.cli;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import se.scbdelivery.testsupport.ChildJvm;
import se.scbdelivery.testsupport.CliResult;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * What the operator's console answers, through the real entry point in a separate JVM
 * whose working directory is an empty folder: help, the version and usage errors answer
 * without the application (nothing created, not even the job repository's folder or the
 * log's), and bad or unknown settings are refused in one line with exit 2 before anything
 * is created. Each row is written as a user writes it.
 */
class ConsoleAnswersTest {

	@TempDir
	Path empty;

	@ParameterizedTest(name = "{0}")
	@CsvSource(delimiter = '|',
			value = { "--help|Usage: scb-delivery [-hV] [COMMAND]", "deliver --help|Usage: scb-delivery deliver [-h]",
					"demo --help|Usage: scb-delivery demo [-hV]", "simulate --help|Usage: scb-delivery simulate [-hV]",
					"generate-completion|#!/usr/bin/env bash" })
	void helpAnswersWithoutTheApplicationAndCreatesNothing(String args, String line) throws IOException {
		CliResult result = inEmptyFolder(args.split(" "));

		assertThat(result.exitCode()).as(result.toString()).isZero();
		assertThat(result.out().lines()).anySatisfy((printed) -> assertThat(printed).startsWith(line));
		assertThat(result.err()).isBlank();
		assertNothingCreated();
	}

	@Test
	void helpListsTheCommandsAndNoStandInStarts() throws IOException {
		CliResult help = inEmptyFolder("--help");
		CliResult demo = inEmptyFolder("demo", "--help");

		assertThat(help.out()).contains("deliver", "scan", "restart", "abandon", "prune", "list", "heartbeat",
				"simulate", "demo", "Exit codes:");
		assertThat(demo.out()).doesNotContain("listening").doesNotContain("Delivery ");
	}

	@Test
	void simulateHelpShowsTheFaultGrammar() throws IOException {
		CliResult help = inEmptyFolder("simulate", "--help");

		assertThat(String.join(" ", help.out().lines().map(String::strip).toList()))
			.contains("CALL is heartbeat, fragment, fragment:INDEX, completion or history (GDB)")
			.contains("status=Systemfelx1");
	}

	@Test
	void versionIsTheBuildsOwn() throws IOException {
		CliResult result = inEmptyFolder("--version");

		assertThat(result.exitCode()).as(result.toString()).isZero();
		assertThat(result.out().lines().findFirst().orElseThrow())
			.startsWith("scb-delivery " + projectVersion() + " (built ");
		assertNothingCreated();
	}

	@ParameterizedTest(name = "{0}")
	@CsvSource(delimiter = '|', value = {
			"--frobnicate|error: Unknown option: '--frobnicate'|see 'scb-delivery --help'",
			"scan inbox --frobnicate|error: Unknown option: '--frobnicate'|see 'scb-delivery scan --help'",
			"deliver --org 9990000045|error: Missing required option: '--file=<file>'|see 'scb-delivery deliver --help'",
			"scan|error: Missing required parameter: '<inbox>'|see 'scb-delivery scan --help'",
			"list --limit many|error: Invalid value for option '--limit': 'many' is not an int|see 'scb-delivery list --help'",
			"frobnicate|error: Unmatched argument at index 0: 'frobnicate'|see 'scb-delivery --help'",
			"deliverr|error: Unmatched argument at index 0: 'deliverr'|did you mean 'scb-delivery deliver'? see"
					+ " 'scb-delivery --help'",
			"''|error: name a command: one of deliver, scan, restart, abandon, prune, list, heartbeat, simulate, demo,"
					+ " generate-completion" + "|see 'scb-delivery --help'" })
	void aUsageErrorIsOneLineAndAHintAndCreatesNothing(String args, String error, String hint) throws IOException {
		CliResult result = inEmptyFolder(args.isEmpty() ? new String[0] : args.split(" "));

		assertThat(result.exitCode()).as(result.toString()).isEqualTo(2);
		assertThat(result.err().lines()).containsExactly(error, hint);
		assertThat(result.out()).isEmpty();
		assertNothingCreated();
	}

	@ParameterizedTest(name = "{0}")
	@CsvSource(delimiter = '|', value = {
			"--scb.environment=prod|error: scb.environment: 'prod' is not one of test, production",
			"--scb.upload.fragment-sise=1000|error: scb.upload.fragment-sise: no such setting; did you mean"
					+ " scb.upload.fragment-size?",
			"--scb.upload.fragmentSize=0|error: scb.upload.fragment-size 0 must be 1..9216000 bytes (SCB's largest fragment)",
			"--scb.frobnicate=1|error: scb.frobnicate: no such setting; config/application.yml lists every scb.* setting",
			"--scb.poll.interval=soon|error: scb.poll.interval: 'soon' is not a duration, such as 500ms, 30s, 5m or 24h",
			"--scb.http.max-attempts=many|error: scb.http.max-attempts: 'many' is not a whole number",
			"--scb.allow-other-base-url=perhaps|error: scb.allow-other-base-url: 'perhaps' is not true or false",
			"--scb.log.format=xml|error: scb.log.format: 'xml' is not one of text, json",
			"--scb.poll.max-rate=0|error: scb.poll.max-rate=0.0 must be a number of polls per second above 0",
			"--scb.environment=production --scb.gdb.base-url=http://127.0.0.1:18080/m2m/v2/|error: scb.environment is"
					+ " production but scb.gdb.base-url is http://127.0.0.1:18080/m2m/v2/, not SCB's"
					+ " https://m2m.gdb.scb.se/m2m/v2/: set scb.allow-other-base-url=true if that is intended",
			"--spring.datasource.url=jdbc:postgress://db/scb|error: spring.datasource.url: no JDBC driver here takes 'jdbc:postgress:…' URLs: write jdbc:h2:file:PATH or jdbc:postgresql://HOST:PORT/DATABASE",
			"--spring.datasource.url=/var/lib/scb/jobrepo|error: spring.datasource.url: '/var/lib/s…' is not a JDBC URL"
					+ " (it starts with jdbc:): write jdbc:h2:file:PATH or jdbc:postgresql://HOST:PORT/DATABASE" })
	void aBadOrUnknownSettingIsRefusedInOneLineBeforeAnythingIsCreated(String setting, String error)
			throws IOException {
		List<String> arguments = new ArrayList<>(List.of("list"));
		arguments.addAll(List.of(setting.split(" ")));
		CliResult result = inEmptyFolder(arguments.toArray(String[]::new));

		assertRefused(result, error);
	}

	@Test
	void aSettingFromTheEnvironmentIsCheckedAsOneOnTheCommandLine() throws IOException {
		CliResult result = ChildJvm.withoutSettings(ConsoleAnswersTest.class)
			.workingDirectory(this.empty)
			.environment(Map.of("SCB_ENVIRONMENT", "prod"))
			.run("list");

		assertRefused(result, "error: scb.environment: 'prod' is not one of test, production");
	}

	@Test
	void aMistypedNameInTheConfigFileIsRefused() throws IOException {
		Path config = Files.createDirectories(this.empty.resolve("config"));
		Files.writeString(config.resolve("application.yml"), "scb:\n  poll:\n    intervall: 10s\n");

		CliResult result = inEmptyFolder("list");

		assertThat(result.exitCode()).as(result.toString()).isEqualTo(2);
		assertThat(result.err().lines())
			.containsExactly("error: scb.poll.intervall: no such setting; did you mean scb.poll.interval?");
		try (Stream<Path> entries = Files.list(this.empty)) {
			assertThat(entries).containsExactly(config);
		}
	}

	private void assertRefused(CliResult result, String error) throws IOException {
		assertThat(result.exitCode()).as(result.toString()).isEqualTo(2);
		assertThat(result.err().lines()).containsExactly(error);
		assertThat(result.out()).isEmpty();
		assertNothingCreated();
	}

	private CliResult inEmptyFolder(String... args) {
		return ChildJvm.withoutSettings(ConsoleAnswersTest.class).workingDirectory(this.empty).run(args);
	}

	private void assertNothingCreated() throws IOException {
		try (Stream<Path> entries = Files.list(this.empty)) {
			assertThat(entries).as("what the command left in its working directory").isEmpty();
		}
	}

	private static String projectVersion() throws IOException {
		Matcher version = Pattern.compile("<artifactId>scb-delivery</artifactId>\\s*<version>([^<]+)</version>")
			.matcher(Files.readString(Path.of("pom.xml")));
		assertThat(version.find()).as("the project's version in pom.xml").isTrue();
		return version.group(1);
	}

}
