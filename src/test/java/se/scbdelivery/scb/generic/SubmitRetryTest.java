package se.scbdelivery.scb.generic;

import java.io.IOException;
import java.net.ServerSocket;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Base64;
import java.util.concurrent.TimeUnit;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.mockserver.integration.ClientAndServer;
import org.mockserver.matchers.Times;
import org.mockserver.model.HttpError;
import org.mockserver.model.HttpResponse;

import se.scbdelivery.scb.http.ScbHttpClient;
import se.scbdelivery.scb.http.ScbRefusedException;
import se.scbdelivery.scb.http.ScbUnavailableException;
import se.scbdelivery.scb.http.TestSettings;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatExceptionOfType;
import static org.mockserver.model.HttpRequest.request;
import static org.mockserver.model.HttpResponse.response;
import static se.scbdelivery.scb.generic.ReactorGenericDeliveryClientContractTest.BASE;
import static se.scbdelivery.scb.generic.ReactorGenericDeliveryClientContractTest.TICKET;
import static se.scbdelivery.scb.generic.ReactorGenericDeliveryClientContractTest.settings;

/**
 * Every POST makes a new ticket, so the submit is retried only where SCB surely did not
 * take it; each case counts the requests the server saw. The GETs keep the ordinary
 * retry.
 */
class SubmitRetryTest {

	private static final String DELIVERY = BASE + "api/v1/delivery";

	private static ClientAndServer server;

	private final TestSettings.RecordingSleeper sleeper = new TestSettings.RecordingSleeper();

	private ScbHttpClient http;

	@TempDir
	Path dir;

	private Path file;

	private final GenericSubmission submission = new GenericSubmission("1", null, null, null, true);

	@BeforeAll
	static void start() {
		server = ClientAndServer.startClientAndServer();
	}

	@AfterAll
	static void stop() {
		server.stop();
	}

	@BeforeEach
	void reset() throws IOException {
		server.reset();
		this.file = Files.writeString(this.dir.resolve("a.csv"), "id;value\n1;2\n");
	}

	@AfterEach
	void close() {
		if (this.http != null) {
			this.http.close();
		}
	}

	@Test
	void unavailableThenTicketTakesTwoRequests() {
		server.when(request().withPath(DELIVERY), Times.once()).respond(response().withStatusCode(503));
		server.when(request().withPath(DELIVERY)).respond(ticket());

		assertThat(client(4).submit(this.submission, this.file)).isEqualTo(new Ticket(TICKET));
		assertThat(requests()).isEqualTo(2);
		assertThat(this.sleeper.delays()).hasSize(1);
		// The retry read the file again: both attempts carried the whole envelope.
		assertThat(server.retrieveRecordedRequests(request().withPath(DELIVERY)))
			.extracting((sent) -> new String(sent.getBodyAsRawBytes(), StandardCharsets.UTF_8))
			.containsOnly("{\"contract\":\"1\",\"test\":true,\"fileObject\":{\"fileContent\":\""
					+ Base64.getEncoder().encodeToString("id;value\n1;2\n".getBytes(StandardCharsets.UTF_8)) + "\"}}");
	}

	@Test
	void tooManyRequestsWaitsAsLongAsRetryAfterSays() {
		server.when(request().withPath(DELIVERY), Times.once())
			.respond(response().withStatusCode(429).withHeader("Retry-After", "7"));
		server.when(request().withPath(DELIVERY)).respond(ticket());

		assertThat(client(4).submit(this.submission, this.file)).isEqualTo(new Ticket(TICKET));
		assertThat(this.sleeper.delays()).containsExactly(Duration.ofSeconds(7));
		assertThat(requests()).isEqualTo(2);
	}

	@Test
	void serverErrorIsNotRetriedBecauseSCBMayHaveMadeATicket() {
		server.when(request().withPath(DELIVERY)).respond(response().withStatusCode(500).withBody("boom"));

		assertThatExceptionOfType(ScbUnavailableException.class)
			.isThrownBy(() -> client(4).submit(this.submission, this.file))
			.satisfies((ex) -> assertThat(ex.attempts()).isEqualTo(1))
			.withMessage("POST api/v1/delivery failed once; last: HTTP 500: boom"
					+ " (not retried: the server may have processed the request)");
		assertThat(requests()).isEqualTo(1);
		assertThat(this.sleeper.delays()).isEmpty();
	}

	@Test
	void gatewayErrorsAreNotRetriedEither() {
		ReactorGenericDeliveryClient client = client(4);
		for (int status : new int[] { 502, 504 }) {
			server.reset();
			server.when(request().withPath(DELIVERY)).respond(response().withStatusCode(status));

			assertThatExceptionOfType(ScbUnavailableException.class)
				.isThrownBy(() -> client.submit(this.submission, this.file))
				.withMessageContaining("HTTP " + status);
			assertThat(requests()).as("HTTP " + status).isEqualTo(1);
		}
	}

	@Test
	void lostAnswerIsNotRetried() {
		server.when(request().withPath(DELIVERY)).error(HttpError.error().withDropConnection(true));

		assertThatExceptionOfType(ScbUnavailableException.class)
			.isThrownBy(() -> client(4).submit(this.submission, this.file))
			.withMessageContaining("failed once; last: the connection closed before the answer arrived");
		assertThat(requests()).isEqualTo(1);
	}

	@Test
	void answerLaterThanTheCompletionTimeoutIsNotRetried() {
		server.when(request().withPath(DELIVERY)).respond(ticket().withDelay(TimeUnit.MILLISECONDS, 1500));
		this.http = ScbHttpClient.create(TestSettings.http(4, Duration.ofMillis(100), Duration.ofMillis(300)),
				TestSettings.noTls(), this.sleeper);

		assertThatExceptionOfType(ScbUnavailableException.class)
			.isThrownBy(() -> client(this.http).submit(this.submission, this.file))
			.withMessageContaining("failed once; last: no answer within 300 ms (scb.http.completion-timeout)");
		assertThat(requests()).isEqualTo(1);
	}

	@Test
	void refusedConnectionIsRetriedBecauseNothingWasSent() throws IOException {
		int port;
		try (ServerSocket socket = new ServerSocket(0)) {
			port = socket.getLocalPort();
		}
		this.http = ScbHttpClient.create(TestSettings.http(3), TestSettings.noTls(), this.sleeper);
		ReactorGenericDeliveryClient client = new ReactorGenericDeliveryClient(this.http,
				URI.create("http://127.0.0.1:" + port + BASE),
				settings("api/v1/heartbeat", "api/v1/status/{ticket}", 1024));

		assertThatExceptionOfType(ScbUnavailableException.class)
			.isThrownBy(() -> client.submit(this.submission, this.file))
			.withMessageContaining("failed 3 times; last: connection refused");
		assertThat(this.sleeper.delays()).hasSize(2);
	}

	@Test
	void badRequestIsRefusedAtOnceKeepingScbsAnswer() {
		server.when(request().withPath(DELIVERY))
			.respond(response().withStatusCode(400).withBody("{\"message\":\"Unknown contract 1\"}"));

		assertThatExceptionOfType(ScbRefusedException.class)
			.isThrownBy(() -> client(4).submit(this.submission, this.file))
			.satisfies((ex) -> {
				assertThat(ex.status()).isEqualTo(400);
				assertThat(ex.body()).isEqualTo("{\"message\":\"Unknown contract 1\"}");
			});
		assertThat(requests()).isEqualTo(1);
	}

	@Test
	void statusAndResultStillRetryAServerError() {
		String status = BASE + "api/v1/status/" + TICKET;
		String result = BASE + "api/v1/delivery/" + TICKET;
		server.when(request().withPath(status), Times.once()).respond(response().withStatusCode(500));
		server.when(request().withPath(status)).respond(response().withStatusCode(202));
		server.when(request().withPath(result), Times.once()).respond(response().withStatusCode(500));
		server.when(request().withPath(result))
			.respond(response().withStatusCode(200).withBody("{\"successfulValidation\":true}"));
		ReactorGenericDeliveryClient client = client(3);

		assertThat(client.status(new Ticket(TICKET))).isEqualTo(ProcessingState.NOT_PROCESSED);
		assertThat(client.result(new Ticket(TICKET)).successfulValidation()).isTrue();
		assertThat(server.retrieveRecordedRequests(request().withPath(status))).hasSize(2);
		assertThat(server.retrieveRecordedRequests(request().withPath(result))).hasSize(2);
	}

	private ReactorGenericDeliveryClient client(int maxAttempts) {
		this.http = ScbHttpClient.create(TestSettings.http(maxAttempts), TestSettings.noTls(), this.sleeper);
		return client(this.http);
	}

	private static ReactorGenericDeliveryClient client(ScbHttpClient http) {
		return new ReactorGenericDeliveryClient(http, URI.create("http://localhost:" + server.getPort() + BASE),
				settings("api/v1/heartbeat", "api/v1/status/{ticket}", 16_777_216));
	}

	private static HttpResponse ticket() {
		return response().withStatusCode(200).withBody("\"" + TICKET + "\"");
	}

	private static int requests() {
		return server.retrieveRecordedRequests(request().withPath(DELIVERY)).length;
	}

}
