package se.scbdelivery.scb.gdb;

import java.io.IOException;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;

import se.scbdelivery.config.ScbProperties;
import se.scbdelivery.scb.http.ScbHttpClient;
import se.scbdelivery.scb.http.ScbUnavailableException;
import se.scbdelivery.scb.http.TestSettings;
import se.scbdelivery.simulator.ScbStandIn;
import se.scbdelivery.simulator.StandInOptions;
import se.scbdelivery.simulator.gdb.ReceivedFragment;
import se.scbdelivery.simulator.server.Faults;
import se.scbdelivery.simulator.server.Faults.Call;
import se.scbdelivery.testsupport.StandInPerTest;
import se.scbdelivery.testsupport.TestPki;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatExceptionOfType;

/**
 * SCB checks the assembled file before it answers the completing fragment {@code -1}:
 * that answer is awaited for {@code scb.http.completion-timeout}, not the ordinary
 * response timeout, so {@code -1} is not sent again while SCB may still be checking it.
 * Over mutual TLS against the stand-in, with a response timeout of 1 s.
 */
class PatientCompletionTest {

	private static final Duration RESPONSE_TIMEOUT = Duration.ofSeconds(1);

	@TempDir
	Path dir;

	@RegisterExtension
	final StandInPerTest standIns = new StandInPerTest();

	private final TestSettings.RecordingSleeper sleeper = new TestSettings.RecordingSleeper();

	private TestPki.Store server;

	private TestPki.Store trust;

	private TestPki.Store client;

	private Path file;

	private ScbHttpClient http;

	@BeforeEach
	void pkiAndFile() throws IOException {
		TestPki pki = new TestPki(this.dir.resolve("pki"));
		this.server = pki.serverKeyStore("server.p12", "server-secret");
		this.trust = pki.trustStore("trust.p12", "trust-secret");
		this.client = pki.clientKeyStore("client.p12", "client-secret", Duration.ofDays(700));
		this.file = Files.writeString(this.dir.resolve("a.xml"), "<a/>", StandardCharsets.UTF_8);
	}

	@AfterEach
	void close() {
		if (this.http != null) {
			this.http.close();
		}
	}

	@Test
	void aCompletionAnsweredAfterTheResponseTimeoutIsAwaitedAndSentOnce() {
		// SCB takes three response timeouts to check the file
		ScbStandIn scb = start(StandInOptions.defaults().withCompletionCheck(Duration.ofSeconds(3)));
		ReactorGdbClient gdb = client(scb, TestSettings.http(3, RESPONSE_TIMEOUT, Duration.ofSeconds(20)));

		GdbSession session = gdb.heartbeat();
		gdb.uploadFragment(session, target(), 0, this.file, 0, 4);
		DeliveryReceipt receipt = gdb.complete(session, target());

		assertThat(scb.fragments()).extracting(ReceivedFragment::index).containsExactly(0, -1);
		assertThat(scb.deliveries()).singleElement()
			.satisfies((delivery) -> assertThat(delivery.deliveryId()).isEqualTo(receipt.deliveryId()));
		assertThat(this.sleeper.delays()).as("retries").isEmpty();
	}

	@Test
	void anOrdinaryFragmentStillGivesUpAtTheResponseTimeout() {
		ScbStandIn scb = start(StandInOptions.defaults());
		scb.faults().delay(Call.FRAGMENT, 0, Faults.ALWAYS, Duration.ofSeconds(3));
		ReactorGdbClient gdb = client(scb, TestSettings.http(1, RESPONSE_TIMEOUT, Duration.ofSeconds(20)));
		GdbSession session = gdb.heartbeat();

		assertThatExceptionOfType(ScbUnavailableException.class)
			.isThrownBy(() -> gdb.uploadFragment(session, target(), 0, this.file, 0, 4))
			.withMessageContaining("failed once; last: no answer within 1 s (scb.http.response-timeout)");
	}

	@Test
	void aCompletionWithoutAnAnswerWithinTheCompletionTimeoutIsSentAgainAsAnyLostAnswer() {
		ScbStandIn scb = start(StandInOptions.defaults());
		scb.faults().delay(Call.COMPLETION, null, Faults.ALWAYS, Duration.ofSeconds(5));
		ReactorGdbClient gdb = client(scb, TestSettings.http(2, RESPONSE_TIMEOUT, Duration.ofSeconds(2)));
		GdbSession session = gdb.heartbeat();
		gdb.uploadFragment(session, target(), 0, this.file, 0, 4);

		assertThatExceptionOfType(ScbUnavailableException.class).isThrownBy(() -> gdb.complete(session, target()))
			.withMessageContaining("failed 2 times; last: no answer within 2 s (scb.http.completion-timeout)");
		assertThat(scb.fragments()).extracting(ReceivedFragment::index).containsExactly(0, -1, -1);
		assertThat(this.sleeper.delays()).as("retries").hasSize(1);
	}

	private ScbStandIn start(StandInOptions options) {
		return this.standIns.start(options.withTls(this.server.path(), this.server.password())
			.withRequiredClientCertificate(this.trust.path(), this.trust.password()));
	}

	private ReactorGdbClient client(ScbStandIn scb, ScbProperties.Http settings) {
		this.http = ScbHttpClient.create(settings,
				TestSettings.tls(this.client.path(), this.client.password(), this.trust.path(), this.trust.password()),
				this.sleeper);
		return new ReactorGdbClient(this.http, URI.create("https://localhost:" + scb.port() + "/m2m/v2/"));
	}

	private static UploadTarget target() {
		return ReactorGdbClientContractTest.target("a.xml", null);
	}

}
