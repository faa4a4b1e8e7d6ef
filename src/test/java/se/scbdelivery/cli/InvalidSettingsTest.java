package se.scbdelivery.cli;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import se.scbdelivery.simulator.ReceivedFragment;
import se.scbdelivery.simulator.ScbStandIn;
import se.scbdelivery.simulator.StandInOptions;
import se.scbdelivery.testsupport.CliResult;
import se.scbdelivery.testsupport.TestFiles;
import se.scbdelivery.testsupport.InProcessCli;

import static org.assertj.core.api.Assertions.assertThat;
import static se.scbdelivery.testsupport.InProcessCli.assertNoJavaInternals;

/**
 * Bad settings and bad usage through the real entry point: exit code 2, a message that
 * names the problem, no stack trace, and nothing sent to the stand-in.
 */
class InvalidSettingsTest {

	@TempDir
	Path dir;

	private ScbStandIn scb;

	private Path file;

	@BeforeEach
	void plainHttpStandIn() {
		this.scb = ScbStandIn.start(StandInOptions.defaults().withPollsBeforeFinal(1));
		this.file = TestFiles.xml(this.dir.resolve("inbox"), "vinn.xml", 1_500, null);
	}

	@AfterEach
	void stopStandIn() {
		if (this.scb != null) {
			this.scb.close();
		}
	}

	@ParameterizedTest(name = "scb.upload.fragment-size={0}")
	@ValueSource(ints = { 0, 9_216_001 })
	void aFragmentSizeOutsideScbsLimitsIsInvalidInputAndNothingIsSent(int fragmentSize) {
		CliResult result = run(deliver("--scb.upload.fragment-size=" + fragmentSize));

		assertThat(result.exitCode()).as(result.toString()).isEqualTo(2);
		assertThat(result.err().lines().findFirst()).hasValue("error: scb.upload.fragment-size " + fragmentSize
				+ " must be 1..9216000 bytes (SCB's largest fragment)");
		assertNoJavaInternals(result);
		assertThat(result.out()).isEmpty();
		assertThat(this.scb.heartbeatCount()).isZero();
		assertThat(this.scb.fragments()).isEmpty();
	}

	@Test
	void scbsLargestFragmentSizeIsAccepted() throws IOException {
		CliResult result = run(deliver("--scb.upload.fragment-size=9216000"));

		assertThat(result.exitCode()).as(result.toString()).isZero();
		assertThat(result.out()).contains("LOADED (exit 0)").contains("in 1 fragment of at most 9,216,000 bytes");
		assertThat(this.scb.fragments().stream().map(ReceivedFragment::index)).containsExactly(0, -1);
		assertThat(this.scb.deliveries()).singleElement()
			.satisfies((stored) -> assertThat(stored.content()).isEqualTo(Files.readAllBytes(this.file)));
	}

	@Test
	void anUnknownCommandIsAUsageError() {
		CliResult result = run(withSettings("deliverr", "--file", this.file.toString()));

		assertThat(result.exitCode()).as(result.toString()).isEqualTo(2);
		assertThat(result.err()).contains("Unmatched arguments from index 0: 'deliverr'")
			.contains("Did you mean: scb-delivery deliver");
		assertNoJavaInternals(result);
		assertThat(result.out()).isEmpty();
		assertThat(this.scb.heartbeatCount()).isZero();
		assertThat(this.scb.fragments()).isEmpty();
	}

	@Test
	void aMissingRequiredOptionIsNamed() {
		CliResult result = run(withSettings("deliver", "--file", this.file.toString(), "--program", "VINN", "--period",
				"2024-06-30", "--format", "V40"));

		assertThat(result.exitCode()).as(result.toString()).isEqualTo(2);
		assertThat(result.err().lines().findFirst()).hasValue("Missing required option for --api gdb: --org");
		assertNoJavaInternals(result);
		assertThat(result.out()).isEmpty();
		assertThat(this.scb.heartbeatCount()).isZero();
		assertThat(this.scb.fragments()).isEmpty();
	}

	@Test
	void restartingAnExecutionThatDoesNotExistSaysSo() {
		CliResult result = run(withSettings("restart", "999999"));

		assertThat(result.exitCode()).as(result.toString()).isEqualTo(2);
		assertThat(result.err().lines().findFirst())
			.hasValue("error: there is no delivery execution 999999: see 'list'");
		assertNoJavaInternals(result);
		assertThat(result.out()).isEmpty();
		assertThat(this.scb.heartbeatCount()).isZero();
		assertThat(this.scb.fragments()).isEmpty();
	}

	@Test
	void theGenericServiceNeedsABaseUrlInTheTestEnvironment() {
		CliResult result = run(withSettings("deliver", "--api", "generic", "--file", this.file.toString(), "--contract",
				"1"));

		assertThat(result.exitCode()).as(result.toString()).isEqualTo(2);
		assertThat(result.err().lines().findFirst()).hasValue("error: scb.generic.base-url is not set, and SCB's "
				+ "documents name no test host for the generic delivery service: set it");
		assertNoJavaInternals(result);
		assertThat(this.scb.genericHeartbeatCount()).isZero();
		assertThat(this.scb.genericSubmissions()).isEmpty();
		assertThat(run(withSettings("list")).out()).contains("No deliveries recorded yet.");
	}

	@Test
	void productionRefusesABaseUrlThatIsNotScbsAndSendsNothing() {
		CliResult result = run(deliver("--scb.environment=production"));

		assertThat(result.exitCode()).as(result.toString()).isEqualTo(2);
		assertThat(result.err().lines().findFirst()).hasValueSatisfying((line) -> assertThat(line)
			.startsWith("error: scb.environment is production but scb.gdb.base-url is " + this.scb.gdbBaseUrl())
			.contains("not SCB's https://m2m.gdb.scb.se/m2m/v2/")
			.contains("scb.allow-other-base-url=true"));
		assertThat(this.scb.heartbeatCount()).isZero();
		assertThat(run(withSettings("list")).out()).contains("No deliveries recorded yet.");
	}

	@Test
	void theOverrideLetsProductionUseAnotherBaseUrl() {
		CliResult result = run(deliver("--scb.environment=production", "--scb.allow-other-base-url=true"));

		assertThat(result.exitCode()).as(result.toString()).isZero();
		assertThat(result.out()).contains("(GDB, production)");
		assertThat(this.scb.deliveries()).hasSize(1);
	}

	@Test
	void theTestEnvironmentRefusesScbsProductionHosts() {
		CliResult result = run(withSettings("heartbeat", "--scb.gdb.base-url=https://m2m.gdb.scb.se/m2m/v2/"));

		assertThat(result.exitCode()).as(result.toString()).isEqualTo(2);
		assertThat(result.err().lines().findFirst()).hasValueSatisfying((line) -> assertThat(line)
			.startsWith("error: scb.environment is test but a base URL points at SCB's production hosts"));
		assertNoJavaInternals(result);
	}

	private CliResult run(String... args) {
		return InProcessCli.run(args);
	}

	private String[] deliver(String... settings) {
		List<String> args = new ArrayList<>(List.of(withSettings("deliver", "--file", this.file.toString(), "--org",
				"999000-0045", "--program", "VINN", "--period", "2024-06-30", "--format", "V40")));
		args.addAll(List.of(settings));
		return args.toArray(String[]::new);
	}

	private String[] withSettings(String... command) {
		List<String> args = new ArrayList<>(List.of(command));
		args.addAll(List.of("--scb.cli.enabled=true", "--scb.gdb.base-url=" + this.scb.gdbBaseUrl(),
				"--spring.datasource.url=jdbc:h2:file:" + this.dir.resolve("db") + ";DB_CLOSE_ON_EXIT=FALSE",
				"--scb.report.dir=" + this.dir.resolve("reports"), "--logging.file.name=" + this.dir.resolve("scb.log"),
				"--scb.poll.interval=10ms", "--scb.poll.max-interval=20ms", "--scb.http.initial-backoff=1ms",
				"--scb.http.max-backoff=2ms", "--scb.http.max-attempts=2"));
		return args.toArray(String[]::new);
	}

}
