package se.scbdelivery.scb.generic;

import java.io.IOException;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;

import se.scbdelivery.scb.http.ScbHttpClient;
import se.scbdelivery.scb.http.TestSettings;
import se.scbdelivery.simulator.ScbStandIn;
import se.scbdelivery.simulator.StandInOptions;
import se.scbdelivery.simulator.generic.GenericSubmissionReceived;
import se.scbdelivery.testsupport.StandInPerTest;
import se.scbdelivery.testsupport.TestPki;

import static org.assertj.core.api.Assertions.assertThat;
import static se.scbdelivery.scb.generic.ReactorGenericDeliveryClientContractTest.settings;

/**
 * SCB answers the POST only after checking the submission: its ticket is awaited for
 * {@code scb.http.completion-timeout}, not the ordinary response timeout. Over mutual TLS
 * against the stand-in.
 */
class PatientSubmitTest {

	@TempDir
	Path dir;

	@RegisterExtension
	final StandInPerTest standIns = new StandInPerTest();

	private final TestSettings.RecordingSleeper sleeper = new TestSettings.RecordingSleeper();

	private ScbHttpClient http;

	@AfterEach
	void close() {
		if (this.http != null) {
			this.http.close();
		}
	}

	@Test
	void aPostAnsweredAfterTheResponseTimeoutIsAwaitedAndSentOnce() throws IOException {
		TestPki pki = new TestPki(this.dir.resolve("pki"));
		TestPki.Store server = pki.serverKeyStore("server.p12", "server-secret");
		TestPki.Store trust = pki.trustStore("trust.p12", "trust-secret");
		TestPki.Store client = pki.clientKeyStore("client.p12", "client-secret", Duration.ofDays(700));
		// SCB takes three response timeouts to check the submission
		ScbStandIn scb = this.standIns.start(StandInOptions.defaults()
			.withCompletionCheck(Duration.ofSeconds(3))
			.withTls(server.path(), server.password())
			.withRequiredClientCertificate(trust.path(), trust.password()));
		this.http = ScbHttpClient.create(TestSettings.http(3, Duration.ofSeconds(1), Duration.ofSeconds(20)),
				TestSettings.tls(client.path(), client.password(), trust.path(), trust.password()), this.sleeper);
		ReactorGenericDeliveryClient generic = new ReactorGenericDeliveryClient(this.http,
				URI.create("https://localhost:" + scb.port() + "/API/"),
				settings("api/v1/heartbeat", "api/v1/status/{ticket}", 16_777_216));
		Path file = Files.writeString(this.dir.resolve("a.csv"), "id;value\n1;2\n", StandardCharsets.UTF_8);

		generic.heartbeat();
		Ticket ticket = generic.submit(new GenericSubmission("1", null, null, null, true), file);

		assertThat(scb.genericSubmissions()).extracting(GenericSubmissionReceived::ticket).containsExactly(ticket);
		assertThat(this.sleeper.delays()).as("retries").isEmpty();
	}

}
