package se.scbdelivery.cli;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import se.scbdelivery.simulator.ScbStandIn;
import se.scbdelivery.simulator.StandInOptions;
import se.scbdelivery.simulator.gdb.ReceivedFragment;
import se.scbdelivery.testsupport.CliResult;
import se.scbdelivery.testsupport.InProcessCli;
import se.scbdelivery.testsupport.ProductSettings;
import se.scbdelivery.testsupport.TestFiles;

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

	private ProductSettings settings;

	private Path file;

	@BeforeEach
	void plainHttpStandIn() {
		this.scb = ScbStandIn.start(StandInOptions.defaults().withPollsBeforeFinal(1));
		// GDB's base URL only: theGenericServiceNeedsABaseUrlInTheTestEnvironment is
		// about the other one
		this.settings = ProductSettings.standard(InvalidSettingsTest.class, this.dir).gdbBaseUrl(this.scb.gdbBaseUrl());
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
		CliResult result = deliver(this.settings.fragmentSize(fragmentSize));

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
		CliResult result = deliver(this.settings.fragmentSize(9_216_000));

		assertThat(result.exitCode()).as(result.toString()).isZero();
		assertThat(result.out()).contains("LOADED (exit 0)").contains("in 1 fragment of at most 9,216,000 bytes");
		assertThat(this.scb.fragments().stream().map(ReceivedFragment::index)).containsExactly(0, -1);
		assertThat(this.scb.deliveries()).singleElement()
			.satisfies((stored) -> assertThat(stored.content()).isEqualTo(Files.readAllBytes(this.file)));
	}

	@Test
	void anUnknownCommandIsAUsageError() {
		CliResult result = run("deliverr", "--file", this.file.toString());

		assertThat(result.exitCode()).as(result.toString()).isEqualTo(2);
		assertThat(result.err()).contains("Unmatched arguments from index 0: 'deliverr'")
			.contains("did you mean 'scb-delivery deliver'?");
		assertNoJavaInternals(result);
		assertThat(result.out()).isEmpty();
		assertThat(this.scb.heartbeatCount()).isZero();
		assertThat(this.scb.fragments()).isEmpty();
	}

	@Test
	void aMissingRequiredOptionIsNamed() {
		CliResult result = run("deliver", "--file", this.file.toString(), "--program", "VINN", "--period", "2024-06-30",
				"--format", "V40");

		assertThat(result.exitCode()).as(result.toString()).isEqualTo(2);
		assertThat(result.err().lines()).containsExactly("error: Missing required option for --api gdb: --org",
				"see 'scb-delivery deliver --help'");
		assertNoJavaInternals(result);
		assertThat(result.out()).isEmpty();
		assertThat(this.scb.heartbeatCount()).isZero();
		assertThat(this.scb.fragments()).isEmpty();
	}

	@Test
	void restartingAnExecutionThatDoesNotExistSaysSo() {
		CliResult result = run("restart", "999999");

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
		CliResult result = run("deliver", "--api", "generic", "--file", this.file.toString(), "--contract", "1");

		assertThat(result.exitCode()).as(result.toString()).isEqualTo(2);
		assertThat(result.err().lines().findFirst()).hasValue("error: scb.generic.base-url is not set, and SCB's "
				+ "documents name no test host for the generic delivery service: set it");
		assertNoJavaInternals(result);
		assertThat(this.scb.genericHeartbeatCount()).isZero();
		assertThat(this.scb.genericSubmissions()).isEmpty();
		assertThat(run("list").out()).contains("No deliveries recorded yet.");
	}

	@Test
	void productionRefusesABaseUrlThatIsNotScbsAndSendsNothing() {
		CliResult result = deliver(this.settings.environment("production"));

		assertThat(result.exitCode()).as(result.toString()).isEqualTo(2);
		assertThat(result.err().lines().findFirst()).hasValueSatisfying((line) -> assertThat(line)
			.startsWith("error: scb.environment is production but scb.gdb.base-url is " + this.scb.gdbBaseUrl())
			.contains("not SCB's https://m2m.gdb.scb.se/m2m/v2/")
			.contains("scb.allow-other-base-url=true"));
		assertThat(this.scb.heartbeatCount()).isZero();
		assertThat(run("list").out()).contains("No deliveries recorded yet.");
	}

	@Test
	void theOverrideLetsProductionUseAnotherBaseUrl() {
		CliResult result = deliver(this.settings.environment("production").with("scb.allow-other-base-url", true));

		assertThat(result.exitCode()).as(result.toString()).isZero();
		assertThat(result.out()).contains("(GDB, production)");
		assertThat(this.scb.deliveries()).hasSize(1);
	}

	@Test
	void theTestEnvironmentRefusesScbsProductionHosts() {
		CliResult result = InProcessCli.run(this.settings.gdbBaseUrl("https://m2m.gdb.scb.se/m2m/v2/"), "heartbeat");

		assertThat(result.exitCode()).as(result.toString()).isEqualTo(2);
		assertThat(result.err().lines().findFirst()).hasValueSatisfying((line) -> assertThat(line)
			.startsWith("error: scb.environment is test but a base URL points at SCB's production hosts"));
		assertNoJavaInternals(result);
	}

	@Test
	void aTrustStoreThatCannotBeOpenedIsNamedWhenTheClientIsFirstBuilt() {
		// no key store, so heartbeat checks no certificate first: building the client
		// finds it
		Path missing = this.dir.resolve("missing-trust.p12");

		CliResult result = run("heartbeat", "--scb.tls.trust-store=" + missing);

		assertThat(result.exitCode()).as(result.toString()).isEqualTo(2);
		assertThat(result.err().lines().findFirst()).hasValue("error: trust store " + missing + " does not exist");
		assertNoJavaInternals(result);
		assertThat(this.scb.heartbeatCount()).isZero();
	}

	@Test
	void aGdbBaseUrlWithoutItsFinalSlashIsNamed() {
		String withoutSlash = this.scb.gdbBaseUrl().toString().replaceFirst("/$", "");

		CliResult result = InProcessCli.run(this.settings.with("scb.gdb.base-url", withoutSlash), "heartbeat");

		assertThat(result.exitCode()).as(result.toString()).isEqualTo(2);
		assertThat(result.err().lines().findFirst())
			.hasValue("error: the GDB base URL " + withoutSlash + " must end in /");
		assertNoJavaInternals(result);
		assertThat(this.scb.heartbeatCount()).isZero();
	}

	private CliResult run(String... command) {
		return InProcessCli.run(this.settings, command);
	}

	private CliResult deliver(ProductSettings settings) {
		return InProcessCli.run(settings, "deliver", "--file", this.file.toString(), "--org", "999000-0045",
				"--program", "VINN", "--period", "2024-06-30", "--format", "V40");
	}

}
