package se.scbdelivery.cli;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.stream.Stream;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import se.scbdelivery.simulator.ScbStandIn;
import se.scbdelivery.simulator.StandInOptions;
import se.scbdelivery.testsupport.CliResult;
import se.scbdelivery.testsupport.InProcessCli;
import se.scbdelivery.testsupport.ProductSettings;
import se.scbdelivery.testsupport.TestFiles;
import se.scbdelivery.testsupport.TestPki;

import static org.assertj.core.api.Assertions.assertThat;
import static se.scbdelivery.testsupport.InProcessCli.assertNoJavaInternals;

/**
 * The client certificate through the real entry point: {@code deliver} against a stand-in
 * that speaks HTTPS and, like SCB, requires a client certificate signed by its CA (here
 * the test CA). Each case checks the exit code, what a person reads, and what reached the
 * stand-in.
 */
class MutualTlsDeliveryTest {

	@TempDir
	Path dir;

	private TestPki pki;

	private TestPki.Store trustStore;

	private ScbStandIn scb;

	private ProductSettings settings;

	private Path file;

	@BeforeEach
	void standInRequiringAClientCertificateFromTheTestCa() {
		this.pki = new TestPki(this.dir.resolve("pki"));
		TestPki.Store server = this.pki.serverKeyStore("server.p12", "server-secret");
		this.trustStore = this.pki.trustStore("trust.p12", "trust-secret");
		this.scb = ScbStandIn.start(StandInOptions.defaults()
			.withPollsBeforeFinal(1)
			.withTls(server.path(), server.password())
			.withRequiredClientCertificate(this.trustStore.path(), this.trustStore.password()));
		// by host name, as SCB's hosts are reached: the server certificate names
		// localhost
		this.settings = ProductSettings.standard(MutualTlsDeliveryTest.class, this.dir)
			.gdbBaseUrl("https://localhost:" + this.scb.port() + "/m2m/v2/");
		this.file = TestFiles.xml(this.dir.resolve("inbox"), "vinn.xml", 2_500, null);
	}

	@AfterEach
	void stopStandIn() {
		if (this.scb != null) {
			this.scb.close();
		}
	}

	@Test
	void deliversWithTheRightClientCertificateAndItsPasswordGivenDirectly() throws IOException {
		TestPki.Store client = this.pki.clientKeyStore("client.p12", "client-secret", Duration.ofDays(700));

		CliResult result = deliver(trustingTheTestCa().keyStore(client.path()).keyStorePassword(client.password()));

		assertThat(result.exitCode()).as(result.toString()).isZero();
		assertThat(result.out()).contains("LOADED (exit 0)");
		assertThat(this.scb.heartbeatCount()).isEqualTo(1);
		assertThat(this.scb.deliveries()).singleElement()
			.satisfies((stored) -> assertThat(stored.content()).isEqualTo(Files.readAllBytes(this.file)));
	}

	@Test
	void withoutAClientCertificateTheHandshakeFailsRestartablyAndARestartWithOneDelivers() throws IOException {
		// given only the trust store: no client certificate is sent
		CliResult failed = deliver(trustingTheTestCa());

		// then the run fails technically, says why in a line, and nothing reached SCB
		assertThat(failed.exitCode()).as(failed.toString()).isEqualTo(1);
		assertThat(tlsLines(failed)).as(failed.toString())
			.singleElement()
			.asString()
			.contains("GET heartbeat failed in the TLS handshake: the server refused our client certificate");
		assertNoJavaInternals(failed);
		assertThat(this.scb.heartbeatCount()).isZero();
		assertThat(this.scb.fragments()).isEmpty();
		assertThat(this.scb.deliveries()).isEmpty();
		long execution = failed.execution();
		assertThat(failed.out()).contains("Delivery " + execution + ": FAILED (exit 1)");

		// when it is restarted with the right certificate configured
		CliResult resumed = InProcessCli.run(
				clientCertificate(trustingTheTestCa(),
						this.pki.clientKeyStore("client.p12", "client-secret", Duration.ofDays(700))),
				"restart", String.valueOf(execution));

		// then the same delivery (job instance) resumes and completes, and SCB has the
		// file once
		assertThat(resumed.exitCode()).as(resumed.toString()).isZero();
		assertThat(resumed.err()).contains("Resuming the delivery of execution " + execution + " (FAILED)");
		assertThat(resumed.out()).contains("LOADED (exit 0)")
			.contains("execution " + execution + "] GET heartbeat failed in the TLS handshake");
		assertThat(this.scb.heartbeatCount()).isEqualTo(1);
		assertThat(this.scb.deliveries()).singleElement()
			.satisfies((stored) -> assertThat(stored.content()).isEqualTo(Files.readAllBytes(this.file)));
		CliResult list = InProcessCli.run(this.settings, "list");
		assertThat(list.exitCode()).as(list.toString()).isZero();
		// one row per delivery: its newest execution
		assertThat(list.out()).doesNotContainPattern("(?m)^" + execution + "\\s")
			.containsPattern("(?m)^" + resumed.execution() + "\\s.*\\sCOMPLETED\\s+LOADED\\s");
	}

	@Test
	void aClientCertificateFromAnotherCaIsRefusedInTheHandshake() {
		TestPki.Store stranger = new TestPki(this.dir.resolve("other-pki"), "some other CA")
			.clientKeyStore("stranger.p12", "stranger-secret", Duration.ofDays(700));

		CliResult result = deliver(clientCertificate(trustingTheTestCa(), stranger));

		assertThat(result.exitCode()).as(result.toString()).isEqualTo(1);
		assertThat(tlsLines(result)).as(result.toString())
			.singleElement()
			.asString()
			.contains("the server refused our client certificate")
			// a test certificate against production, or the reverse, looks exactly like
			// this
			.contains("SCB's test and production environments each accept only their own certificates");
		assertNoJavaInternals(result);
		assertThat(this.scb.heartbeatCount()).isZero();
		assertThat(this.scb.fragments()).isEmpty();
		assertThat(this.scb.deliveries()).isEmpty();
	}

	@Test
	void anExpiredClientCertificateIsInvalidInputAndNothingIsSentOrRecorded() {
		TestPki.Store expired = this.pki.expiredClientKeyStore("expired.p12", "expired-secret");

		CliResult result = deliver(clientCertificate(trustingTheTestCa(), expired));

		assertThat(result.exitCode()).as(result.toString()).isEqualTo(2);
		assertThat(result.err().lines().findFirst()).hasValueSatisfying(
				(line) -> assertThat(line).startsWith("error: the client certificate in " + expired.path())
					.contains("expired on"));
		assertNoJavaInternals(result);
		assertThat(this.scb.heartbeatCount()).isZero();
		assertThat(this.scb.fragments()).isEmpty();
		CliResult list = InProcessCli.run(this.settings, "list");
		assertThat(list.exitCode()).as(list.toString()).isZero();
		assertThat(list.out()).isEqualTo("No deliveries recorded yet." + System.lineSeparator());
	}

	@Test
	void aClientCertificateWhoseCaHasExpiredIsInvalidInputAndNothingIsSent() {
		TestPki lapsedCa = new TestPki(this.dir.resolve("lapsed"), "lapsed CA",
				Instant.now().minus(Duration.ofDays(900)), Instant.now().minus(Duration.ofDays(2)));
		TestPki.Store client = lapsedCa.issue("CN=client of a lapsed CA", "lapsed-client.p12", "lapsed-secret",
				Instant.now().minus(Duration.ofDays(100)), Instant.now().plus(Duration.ofDays(300)), false);

		CliResult result = deliver(clientCertificate(trustingTheTestCa(), client));

		assertThat(result.exitCode()).as(result.toString()).isEqualTo(2);
		assertThat(result.err().lines().findFirst()).hasValueSatisfying((line) -> assertThat(line)
			.startsWith("error: the certificate chain in " + client.path() + " holds an expired CA certificate")
			.contains("CN=lapsed CA"));
		assertThat(this.scb.heartbeatCount()).isZero();
	}

	@Test
	void aCertificateThatExpiresSoonDeliversAndWarnsInTheReportAndTheLog() throws IOException {
		TestPki.Store expiring = this.pki.clientKeyStore("expiring.p12", "expiring-secret", Duration.ofDays(10));

		CliResult result = deliver(clientCertificate(trustingTheTestCa(), expiring));

		assertThat(result.exitCode()).as(result.toString()).isZero();
		assertThat(this.scb.deliveries()).singleElement()
			.satisfies((stored) -> assertThat(stored.content()).isEqualTo(Files.readAllBytes(this.file)));
		String warning = "The client certificate in " + expiring.path() + " expires on";
		assertThat(Files.readString(onlyReport())).contains(warning);
		assertThat(Files.readString(this.settings.logFile())).contains(warning);

		CliResult heartbeat = InProcessCli.run(clientCertificate(trustingTheTestCa(), expiring), "heartbeat");
		assertThat(heartbeat.exitCode()).as(heartbeat.toString()).isZero();
		assertThat(heartbeat.out())
			.contains("serial    " + expiring.certificate().getSerialNumber().toString(16).toUpperCase())
			.contains("  WARNING   " + warning);
	}

	@Test
	void aScanSaysOnceOnTheConsoleThatTheCertificateExpiresSoonAndEveryReportSaysIt() throws IOException {
		TestPki.Store expiring = this.pki.clientKeyStore("expiring.p12", "expiring-secret", Duration.ofDays(10));
		Path inbox = this.dir.resolve("scan-inbox");
		for (String period : List.of("2024-04-30", "2024-05-31", "2024-06-30")) {
			TestFiles.xml(inbox.resolve("999000-0045/VINN/" + period + "/V40"), "vinn.xml", 1_200, null);
		}

		CliResult scan = InProcessCli.run(clientCertificate(trustingTheTestCa(), expiring), "scan", inbox.toString());

		assertThat(scan.exitCode()).as(scan.toString()).isZero();
		assertThat(scan.out()).contains("3 files: 3 LOADED");
		String warning = "The client certificate in " + expiring.path() + " expires on";
		assertThat(scan.err().lines().filter((line) -> line.contains(warning))).as(scan.toString()).hasSize(1);
		assertThat(deliveryReports()).hasSizeGreaterThanOrEqualTo(3)
			.allSatisfy((report) -> assertThat(Files.readString(report)).contains(warning));
		assertThat(Files.readString(this.settings.logFile()).lines().filter((line) -> line.contains(warning)))
			.as("one per delivery at least, in the log file")
			.hasSizeGreaterThanOrEqualTo(3);
	}

	@ParameterizedTest(name = "password given {0}")
	@ValueSource(strings = { "in a file", "directly" })
	void aWrongKeyStorePasswordNamesTheKeyStoreAndNeverShowsThePassword(String how) throws IOException {
		TestPki.Store client = this.pki.clientKeyStore("client.p12", "client-secret", Duration.ofDays(700));
		String wrong = "Wr0ng-Pa55word-7731";
		ProductSettings withClient = trustingTheTestCa().keyStore(client.path());
		ProductSettings password = how.equals("directly") ? withClient.keyStorePassword(wrong)
				: withClient.with("scb.tls.key-store-password-file", secretFile("wrong.password", wrong));

		CliResult result = deliver(password);

		assertThat(result.exitCode()).as(result.toString()).isEqualTo(2);
		assertThat(result.err().lines().findFirst())
			.hasValue("error: key store " + client.path() + " cannot be opened: wrong password");
		assertNoJavaInternals(result);
		assertThat(this.scb.heartbeatCount()).isZero();
		String log = Files.readString(this.settings.logFile());
		assertThat(log).as("the log records the failure").contains("cannot be opened: wrong password");
		assertThat(result.out()).doesNotContain(wrong);
		assertThat(result.err()).doesNotContain(wrong);
		assertThat(log).doesNotContain(wrong);
	}

	@Test
	void withoutTheTestCaTheServerCertificateIsNotTrustedAndNothingIsSent() {
		// given the right client certificate, but only the JVM's own CAs to check the
		// server with
		TestPki.Store client = this.pki.clientKeyStore("client.p12", "client-secret", Duration.ofDays(700));

		CliResult result = deliver(clientCertificate(this.settings, client));

		assertThat(result.exitCode()).as(result.toString()).isEqualTo(1);
		assertThat(tlsLines(result)).as(result.toString())
			.singleElement()
			.asString()
			.contains("the server's certificate is not issued by a trusted CA");
		assertNoJavaInternals(result);
		assertThat(this.scb.heartbeatCount()).isZero();
		assertThat(this.scb.fragments()).isEmpty();
		assertThat(this.scb.deliveries()).isEmpty();
	}

	private CliResult deliver(ProductSettings settings) {
		return InProcessCli.run(settings, "deliver", "--file", this.file.toString(), "--org", "999000-0045",
				"--program", "VINN", "--period", "2024-06-30", "--format", "V40");
	}

	private ProductSettings trustingTheTestCa() {
		return this.settings.trustStore(this.trustStore.path(),
				secretFile("trust.password", this.trustStore.password()));
	}

	private ProductSettings clientCertificate(ProductSettings settings, TestPki.Store store) {
		return settings.keyStore(store.path(), secretFile(store.path().getFileName() + ".password", store.password()));
	}

	private Path secretFile(String name, String secret) {
		try {
			return Files.writeString(this.dir.resolve(name), secret + "\n");
		}
		catch (IOException ex) {
			throw new java.io.UncheckedIOException(ex);
		}
	}

	private Path onlyReport() throws IOException {
		List<Path> deliveryReports = deliveryReports();
		assertThat(deliveryReports).hasSize(1);
		return deliveryReports.get(0);
	}

	private List<Path> deliveryReports() throws IOException {
		try (Stream<Path> reports = Files.list(this.settings.reportDir())) {
			return reports.filter((path) -> path.getFileName().toString().startsWith("delivery-")).toList();
		}
	}

	/** The lines, on either stream, that speak of the TLS handshake. */
	private static List<String> tlsLines(CliResult result) {
		return Stream.concat(result.out().lines(), result.err().lines())
			.filter((line) -> line.contains("TLS handshake"))
			.toList();
	}

}
