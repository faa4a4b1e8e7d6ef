package se.scbdelivery.cli;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
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
import se.scbdelivery.testsupport.TestFiles;
import se.scbdelivery.testsupport.TestPki;
import se.scbdelivery.testsupport.InProcessCli;

import static org.assertj.core.api.Assertions.assertThat;
import static se.scbdelivery.testsupport.InProcessCli.assertNoJavaInternals;

/**
 * The client certificate through the real entry point: {@code deliver} against a stand-in
 * that speaks HTTPS and, like SCB, requires a client certificate signed by its CA (here the
 * test CA). Each case checks the exit code, what a person reads, and what reached the
 * stand-in.
 */
class MutualTlsDeliveryTest {

	@TempDir
	Path dir;

	private TestPki pki;

	private TestPki.Store trustStore;

	private ScbStandIn scb;

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

		CliResult result = deliver(trustingTheTestCa(), "--scb.tls.key-store=" + client.path(),
				"--scb.tls.key-store-password=" + client.password());

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
		long execution = DeliveryEndToEndSuite.execution(failed);
		assertThat(failed.out()).contains("Delivery " + execution + ": FAILED (exit 1)");

		// when it is restarted with the right certificate configured
		CliResult resumed = InProcessCli.run(args(List.of("restart", String.valueOf(execution)), trustingTheTestCa(),
				clientCertificate(this.pki.clientKeyStore("client.p12", "client-secret", Duration.ofDays(700)))));

		// then the same delivery (job instance) resumes and completes, and SCB has the file once
		assertThat(resumed.exitCode()).as(resumed.toString()).isZero();
		assertThat(resumed.err()).contains("Resuming the delivery of execution " + execution + " (FAILED)");
		assertThat(resumed.out()).contains("LOADED (exit 0)")
			.contains("execution " + execution + "] GET heartbeat failed in the TLS handshake");
		assertThat(this.scb.heartbeatCount()).isEqualTo(1);
		assertThat(this.scb.deliveries()).singleElement()
			.satisfies((stored) -> assertThat(stored.content()).isEqualTo(Files.readAllBytes(this.file)));
		CliResult list = InProcessCli.run(args(List.of("list"), List.of()));
		assertThat(list.exitCode()).as(list.toString()).isZero();
		assertThat(list.out()).containsPattern("(?m)^" + execution + "\\s.*\\sFAILED\\s")
			.containsPattern("(?m)^" + DeliveryEndToEndSuite.execution(resumed) + "\\s.*\\sCOMPLETED\\s+LOADED\\s");
	}

	@Test
	void aClientCertificateFromAnotherCaIsRefusedInTheHandshake() {
		TestPki.Store stranger = new TestPki(this.dir.resolve("other-pki"), "some other CA")
			.clientKeyStore("stranger.p12", "stranger-secret", Duration.ofDays(700));

		CliResult result = deliver(trustingTheTestCa(), clientCertificate(stranger));

		assertThat(result.exitCode()).as(result.toString()).isEqualTo(1);
		assertThat(tlsLines(result)).as(result.toString())
			.singleElement()
			.asString()
			.contains("the server refused our client certificate")
			// a test certificate against production, or the reverse, looks exactly like this
			.contains("SCB's test and production environments each accept only their own certificates");
		assertNoJavaInternals(result);
		assertThat(this.scb.heartbeatCount()).isZero();
		assertThat(this.scb.fragments()).isEmpty();
		assertThat(this.scb.deliveries()).isEmpty();
	}

	@Test
	void anExpiredClientCertificateIsInvalidInputAndNothingIsSentOrRecorded() {
		TestPki.Store expired = this.pki.expiredClientKeyStore("expired.p12", "expired-secret");

		CliResult result = deliver(trustingTheTestCa(), clientCertificate(expired));

		assertThat(result.exitCode()).as(result.toString()).isEqualTo(2);
		assertThat(result.err().lines().findFirst()).hasValueSatisfying((line) -> assertThat(line)
			.startsWith("error: the client certificate in " + expired.path())
			.contains("expired on"));
		assertNoJavaInternals(result);
		assertThat(this.scb.heartbeatCount()).isZero();
		assertThat(this.scb.fragments()).isEmpty();
		CliResult list = InProcessCli.run(args(List.of("list"), List.of()));
		assertThat(list.exitCode()).as(list.toString()).isZero();
		assertThat(list.out()).isEqualTo("No deliveries recorded yet." + System.lineSeparator());
	}

	@Test
	void aClientCertificateWhoseCaHasExpiredIsInvalidInputAndNothingIsSent() {
		TestPki lapsedCa = new TestPki(this.dir.resolve("lapsed"), "lapsed CA", Instant.now().minus(Duration.ofDays(900)),
				Instant.now().minus(Duration.ofDays(2)));
		TestPki.Store client = lapsedCa.issue("CN=client of a lapsed CA", "lapsed-client.p12", "lapsed-secret",
				Instant.now().minus(Duration.ofDays(100)), Instant.now().plus(Duration.ofDays(300)), false);

		CliResult result = deliver(trustingTheTestCa(), clientCertificate(client));

		assertThat(result.exitCode()).as(result.toString()).isEqualTo(2);
		assertThat(result.err().lines().findFirst()).hasValueSatisfying((line) -> assertThat(line)
			.startsWith("error: the certificate chain in " + client.path() + " holds an expired CA certificate")
			.contains("CN=lapsed CA"));
		assertThat(this.scb.heartbeatCount()).isZero();
	}

	@Test
	void aCertificateThatExpiresSoonDeliversAndWarnsInTheReportAndTheLog() throws IOException {
		TestPki.Store expiring = this.pki.clientKeyStore("expiring.p12", "expiring-secret", Duration.ofDays(10));

		CliResult result = deliver(trustingTheTestCa(), clientCertificate(expiring));

		assertThat(result.exitCode()).as(result.toString()).isZero();
		assertThat(this.scb.deliveries()).singleElement()
			.satisfies((stored) -> assertThat(stored.content()).isEqualTo(Files.readAllBytes(this.file)));
		String warning = "The client certificate in " + expiring.path() + " expires on";
		assertThat(Files.readString(onlyReport())).contains(warning);
		assertThat(Files.readString(logFile())).contains(warning);

		CliResult heartbeat = InProcessCli.run(args(List.of("heartbeat"), trustingTheTestCa(), clientCertificate(expiring)));
		assertThat(heartbeat.exitCode()).as(heartbeat.toString()).isZero();
		assertThat(heartbeat.out()).contains("serial    " + expiring.certificate().getSerialNumber().toString(16).toUpperCase())
			.contains("  WARNING   " + warning);
	}

	@ParameterizedTest(name = "password given {0}")
	@ValueSource(strings = { "in a file", "directly" })
	void aWrongKeyStorePasswordNamesTheKeyStoreAndNeverShowsThePassword(String how) throws IOException {
		TestPki.Store client = this.pki.clientKeyStore("client.p12", "client-secret", Duration.ofDays(700));
		String wrong = "Wr0ng-Pa55word-7731";
		String password = how.equals("directly") ? "--scb.tls.key-store-password=" + wrong
				: "--scb.tls.key-store-password-file=" + secretFile("wrong.password", wrong);

		CliResult result = deliver(trustingTheTestCa(), "--scb.tls.key-store=" + client.path(), password);

		assertThat(result.exitCode()).as(result.toString()).isEqualTo(2);
		assertThat(result.err().lines().findFirst()).hasValue(
				"error: key store " + client.path() + " cannot be opened: wrong password");
		assertNoJavaInternals(result);
		assertThat(this.scb.heartbeatCount()).isZero();
		String log = Files.readString(logFile());
		assertThat(log).as("the log records the failure").contains("cannot be opened: wrong password");
		assertThat(result.out()).doesNotContain(wrong);
		assertThat(result.err()).doesNotContain(wrong);
		assertThat(log).doesNotContain(wrong);
	}

	@Test
	void withoutTheTestCaTheServerCertificateIsNotTrustedAndNothingIsSent() {
		// given the right client certificate, but only the JVM's own CAs to check the server with
		TestPki.Store client = this.pki.clientKeyStore("client.p12", "client-secret", Duration.ofDays(700));

		CliResult result = deliver(clientCertificate(client));

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

	private CliResult deliver(List<String> settings, String... more) {
		return InProcessCli.run(args(List.of("deliver", "--file", this.file.toString(), "--org", "999000-0045",
				"--program", "VINN", "--period", "2024-06-30", "--format", "V40"), settings, List.of(more)));
	}

	private CliResult deliver(List<String> settings, List<String> more) {
		return deliver(settings, more.toArray(String[]::new));
	}

	private CliResult deliver(List<String> settings) {
		return deliver(settings, new String[0]);
	}

	@SafeVarargs
	private String[] args(List<String> command, List<String>... settings) {
		List<String> args = new ArrayList<>(command);
		args.addAll(List.of("--scb.cli.enabled=true",
				"--scb.gdb.base-url=https://localhost:" + this.scb.port() + "/m2m/v2/",
				"--spring.datasource.url=jdbc:h2:file:" + this.dir.resolve("db") + ";DB_CLOSE_ON_EXIT=FALSE",
				"--scb.report.dir=" + this.dir.resolve("reports"), "--logging.file.name=" + logFile(),
				"--scb.poll.interval=10ms", "--scb.poll.max-interval=20ms", "--scb.http.initial-backoff=1ms",
				"--scb.http.max-backoff=2ms", "--scb.http.max-attempts=2"));
		Stream.of(settings).forEach(args::addAll);
		return args.toArray(String[]::new);
	}

	private List<String> trustingTheTestCa() {
		return List.of("--scb.tls.trust-store=" + this.trustStore.path(),
				"--scb.tls.trust-store-password-file=" + secretFile("trust.password", this.trustStore.password()));
	}

	private List<String> clientCertificate(TestPki.Store store) {
		return List.of("--scb.tls.key-store=" + store.path(), "--scb.tls.key-store-password-file="
				+ secretFile(store.path().getFileName() + ".password", store.password()));
	}

	private Path secretFile(String name, String secret) {
		try {
			return Files.writeString(this.dir.resolve(name), secret + "\n");
		}
		catch (IOException ex) {
			throw new java.io.UncheckedIOException(ex);
		}
	}

	private Path logFile() {
		return this.dir.resolve("scb.log");
	}

	private Path onlyReport() throws IOException {
		try (Stream<Path> reports = Files.list(this.dir.resolve("reports"))) {
			List<Path> deliveryReports = reports.filter((path) -> path.getFileName().toString().startsWith("delivery-"))
				.toList();
			assertThat(deliveryReports).hasSize(1);
			return deliveryReports.get(0);
		}
	}

	/** The lines, on either stream, that speak of the TLS handshake. */
	private static List<String> tlsLines(CliResult result) {
		return Stream.concat(result.out().lines(), result.err().lines())
			.filter((line) -> line.contains("TLS handshake"))
			.toList();
	}

}
