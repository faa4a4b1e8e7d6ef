package se.scbdelivery.scb.http;

import java.io.IOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.net.URI;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.concurrent.TimeUnit;
import java.util.function.UnaryOperator;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.mockserver.integration.ClientAndServer;
import org.mockserver.matchers.Times;
import org.mockserver.model.HttpError;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatExceptionOfType;
import static org.junit.jupiter.api.Assertions.assertTimeoutPreemptively;
import static org.mockserver.model.HttpRequest.request;
import static org.mockserver.model.HttpResponse.response;

/**
 * Which answers and faults {@link ScbHttpClient} retries, how often, how long it waits,
 * and what it throws in the end; every attempt counted at the server.
 */
class ScbHttpClientRetryTest {

	private static final String PATH = "/m2m/v2/heartbeat";

	private static ClientAndServer server;

	private final TestSettings.RecordingSleeper sleeper = new TestSettings.RecordingSleeper();

	@BeforeAll
	static void start() {
		server = ClientAndServer.startClientAndServer();
	}

	@AfterAll
	static void stop() {
		server.stop();
	}

	@BeforeEach
	void reset() {
		server.reset();
	}

	@Test
	void twoUnavailableAnswersThenSuccessTakesExactlyThreeRequests() {
		server.when(request().withPath(PATH), Times.exactly(2)).respond(response().withStatusCode(503));
		server.when(request().withPath(PATH)).respond(response().withStatusCode(200).withBody("ok"));

		ScbAnswer answer = execute(client(4));

		assertThat(answer.text()).isEqualTo("ok");
		assertThat(requests()).isEqualTo(3);
		assertThat(this.sleeper.delays()).hasSize(2);
		// Equal jitter: at least half the exponential backoff (100 ms, then 200 ms), at
		// most all of it.
		assertThat(this.sleeper.delays().get(0)).isBetween(Duration.ofMillis(50), Duration.ofMillis(100));
		assertThat(this.sleeper.delays().get(1)).isBetween(Duration.ofMillis(100), Duration.ofMillis(200));
	}

	@Test
	void tooManyRequestsWaitsAsLongAsRetryAfterSays() {
		server.when(request().withPath(PATH), Times.once())
			.respond(response().withStatusCode(429).withHeader("Retry-After", "2"));
		server.when(request().withPath(PATH)).respond(response().withStatusCode(200));

		execute(client(3));

		assertThat(this.sleeper.delays()).containsExactly(Duration.ofSeconds(2));
		assertThat(requests()).isEqualTo(2);
	}

	@Test
	void serverErrorEveryTimeGivesUpAfterMaxAttempts() {
		server.when(request().withPath(PATH)).respond(response().withStatusCode(500).withBody("database down"));

		assertThatExceptionOfType(ScbUnavailableException.class).isThrownBy(() -> execute(client(4)))
			.satisfies((ex) -> assertThat(ex.attempts()).isEqualTo(4))
			.withMessage("GET heartbeat failed 4 times; last: HTTP 500: database down");
		assertThat(requests()).isEqualTo(4);
	}

	@Test
	void badRequestIsRefusedAtOnceKeepingScbsAnswer() {
		server.when(request().withPath(PATH))
			.respond(response().withStatusCode(400).withBody("{\"Message\":\"Unknown file format V99\"}"));

		assertThatExceptionOfType(ScbRefusedException.class).isThrownBy(() -> execute(client(4))).satisfies((ex) -> {
			assertThat(ex.status()).isEqualTo(400);
			assertThat(ex.body()).isEqualTo("{\"Message\":\"Unknown file format V99\"}");
			assertThat(ex.call()).isEqualTo("GET heartbeat");
		});
		assertThat(requests()).isEqualTo(1);
		assertThat(this.sleeper.delays()).isEmpty();
	}

	@Test
	void droppedConnectionIsRetried() {
		server.when(request().withPath(PATH), Times.once()).error(HttpError.error().withDropConnection(true));
		server.when(request().withPath(PATH)).respond(response().withStatusCode(200).withBody("ok"));

		assertThat(execute(client(3)).text()).isEqualTo("ok");
		assertThat(requests()).isEqualTo(2);
	}

	@Test
	void answerLaterThanTheResponseTimeoutIsRetriedThenGivenUp() {
		server.when(request().withPath(PATH))
			.respond(response().withStatusCode(200).withDelay(TimeUnit.MILLISECONDS, 1500));
		ScbHttpClient slow = ScbHttpClient.create(TestSettings.http(2, Duration.ofMillis(300), 1024),
				TestSettings.noTls(), this.sleeper);

		assertThatExceptionOfType(ScbUnavailableException.class).isThrownBy(() -> execute(slow))
			.withMessageContaining("no answer within");
		assertThat(requests()).isEqualTo(2);
		slow.close();
	}

	@Test
	void refusedConnectionIsRetriedThenGivenUp() throws IOException {
		int port;
		try (ServerSocket socket = new ServerSocket(0)) {
			port = socket.getLocalPort();
		}
		ScbCall call = ScbCall.get(ScbEndpoint.GDB_HEARTBEAT, URI.create("http://127.0.0.1:" + port + "/m2m/v2/"),
				List.of("heartbeat"), ScbCall.noHeaders());

		assertThatExceptionOfType(ScbUnavailableException.class).isThrownBy(() -> client(3).execute(call))
			.withMessageContaining("failed 3 times; last: connection refused");
		assertThat(this.sleeper.delays()).hasSize(2);
	}

	@Test
	void connectionNeverAcceptedTimesOutAndIsRetried() throws IOException {
		// A listening socket whose accept queue is full: Linux drops further SYNs, so
		// connecting hangs.
		try (ServerSocket full = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
			List<Socket> fillers = new ArrayList<>();
			for (int i = 0; i < 3; i++) {
				Socket filler = new Socket();
				fillers.add(filler);
				try {
					filler.connect(full.getLocalSocketAddress(), 200);
				}
				catch (IOException ex) {
					// The queue is full: exactly the state wanted.
				}
			}
			ScbHttpClient client = ScbHttpClient.create(
					TestSettings.http(2, Duration.ofMillis(300), Duration.ofSeconds(5), 1024), TestSettings.noTls(),
					this.sleeper);
			ScbCall call = ScbCall.get(ScbEndpoint.GDB_HEARTBEAT,
					URI.create("http://127.0.0.1:" + full.getLocalPort() + "/m2m/v2/"), List.of("heartbeat"),
					ScbCall.noHeaders());

			assertTimeoutPreemptively(Duration.ofSeconds(10),
					() -> assertThatExceptionOfType(ScbUnavailableException.class)
						.isThrownBy(() -> client.execute(call))
						.withMessageContaining("failed 2 times; last: connecting timed out"));
			client.close();
			for (Socket filler : fillers) {
				filler.close();
			}
		}
	}

	@Test
	void redirectIsAnAnswerNotAPlaceToGo() {
		server.when(request().withPath(PATH))
			.respond(response().withStatusCode(302).withHeader("Location", "http://localhost:1/login"));

		assertThatExceptionOfType(ScbBadAnswerException.class).isThrownBy(() -> execute(client(3)))
			.withMessageContaining("HTTP 302 redirecting to http://localhost:1/login (not followed)");
		assertThat(server.retrieveRecordedRequests(request())).hasSize(1);
	}

	@Test
	void successfulAnswerLargerThanTheCapIsRejectedQuickly() {
		server.when(request().withPath(PATH)).respond(response().withStatusCode(200).withBody(new byte[4_000_000]));
		ScbHttpClient capped = ScbHttpClient.create(TestSettings.http(3, Duration.ofSeconds(5), 1024),
				TestSettings.noTls(), this.sleeper);

		assertTimeoutPreemptively(Duration.ofSeconds(5),
				() -> assertThatExceptionOfType(ScbBadAnswerException.class).isThrownBy(() -> execute(capped))
					.withMessageContaining("larger than 1024 bytes"));
		assertThat(requests()).isEqualTo(1);
		capped.close();
	}

	@Test
	void errorAnswerLargerThanTheCapKeepsItsBeginning() {
		server.when(request().withPath(PATH)).respond(response().withStatusCode(404).withBody("x".repeat(10_000)));
		ScbHttpClient capped = ScbHttpClient.create(TestSettings.http(3, Duration.ofSeconds(5), 1024),
				TestSettings.noTls(), this.sleeper);

		assertThatExceptionOfType(ScbRefusedException.class).isThrownBy(() -> execute(capped))
			.satisfies((ex) -> assertThat(ex.body()).isEqualTo("x".repeat(1024)));
		capped.close();
	}

	@Test
	void callThatMustNotBeRepeatedGivesUpAfterOneServerErrorButRetriesAnUnavailableOne() {
		server.when(request().withPath(PATH), Times.once()).respond(response().withStatusCode(503));
		server.when(request().withPath(PATH)).respond(response().withStatusCode(500).withBody("oops"));

		assertThatExceptionOfType(ScbUnavailableException.class)
			.isThrownBy(() -> execute(client(4), (call) -> call.withRetryScope(RetryScope.REQUEST_NOT_PROCESSED)))
			.withMessage("GET heartbeat failed 2 times; last: HTTP 500: oops"
					+ " (not retried: the server may have processed the request)");
		assertThat(requests()).isEqualTo(2);
	}

	@Test
	void acceptedRedirectIsReturnedAsAnAnswerAndNotFollowed() {
		server.when(request().withPath(PATH))
			.respond(response().withStatusCode(302).withHeader("Location", "http://localhost:1/elsewhere"));

		ScbAnswer answer = execute(client(3), (call) -> call.withAcceptedStatuses(Set.of(302)));

		assertThat(answer.status()).isEqualTo(302);
		assertThat(server.retrieveRecordedRequests(request())).hasSize(1);
	}

	@Test
	void perCallCapAllowsALargerAnswerThanTheClientsSetting() {
		server.when(request().withPath(PATH)).respond(response().withStatusCode(200).withBody("y".repeat(5000)));
		ScbHttpClient capped = ScbHttpClient.create(TestSettings.http(3, Duration.ofSeconds(5), 1024),
				TestSettings.noTls(), this.sleeper);

		ScbAnswer answer = execute(capped,
				(call) -> call.withAnswerCap(new ScbCall.AnswerCap(8192, "scb.generic.max-result-bytes")));

		assertThat(answer.body()).hasSize(5000);
	}

	private ScbHttpClient client(int maxAttempts) {
		return ScbHttpClient.create(TestSettings.http(maxAttempts), TestSettings.noTls(), this.sleeper);
	}

	private static ScbAnswer execute(ScbHttpClient client) {
		return execute(client, UnaryOperator.identity());
	}

	private static ScbAnswer execute(ScbHttpClient client, UnaryOperator<ScbCall> options) {
		try {
			return client.execute(options.apply(ScbCall.get(ScbEndpoint.GDB_HEARTBEAT,
					URI.create("http://localhost:" + server.getPort() + "/m2m/v2/"), List.of("heartbeat"),
					ScbCall.noHeaders())));
		}
		finally {
			client.close();
		}
	}

	private static int requests() {
		return server.retrieveRecordedRequests(request().withPath(PATH)).length;
	}

}
