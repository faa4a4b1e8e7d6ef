package se.scbdelivery.scb.http;

import java.io.IOException;
import java.net.ServerSocket;
import java.net.URI;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.TimeUnit;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.mockserver.integration.ClientAndServer;
import org.mockserver.matchers.Times;
import org.mockserver.model.HttpError;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatExceptionOfType;
import static org.mockserver.model.HttpRequest.request;
import static org.mockserver.model.HttpResponse.response;

/**
 * What the client tells its observer (the metrics): one result per attempt, as the server
 * answered or failed to, and one retry per attempt after the first, under the call's
 * endpoint name and never its path.
 */
class ScbClientObserverTest {

	private static final String PATH = "/m2m/v2/history/3f1c";

	private static ClientAndServer server;

	private final Recording observer = new Recording();

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
	void aServerErrorThenAnAnswerIsTwoAttemptsAndOneRetry() {
		server.when(request().withPath(PATH), Times.once()).respond(response().withStatusCode(503));
		server.when(request().withPath(PATH)).respond(response().withStatusCode(200).withBody("{}"));

		call(client(3), server.getPort());

		assertThat(this.observer.events).containsExactly("gdb_history server_error", "retry gdb_history",
				"gdb_history answered");
	}

	@Test
	void aRefusalIsOneAttemptNotRetried() {
		server.when(request().withPath(PATH)).respond(response().withStatusCode(404));

		assertThatExceptionOfType(ScbRefusedException.class).isThrownBy(() -> call(client(3), server.getPort()));
		assertThat(this.observer.events).containsExactly("gdb_history refused");
	}

	@Test
	void aDroppedConnectionIsAConnectionFault() {
		server.when(request().withPath(PATH), Times.once()).error(HttpError.error().withDropConnection(true));
		server.when(request().withPath(PATH)).respond(response().withStatusCode(200));

		call(client(2), server.getPort());

		assertThat(this.observer.events).containsExactly("gdb_history connection", "retry gdb_history",
				"gdb_history answered");
	}

	@Test
	void noAnswerInTimeIsATimeoutEachAttempt() {
		server.when(request().withPath(PATH))
			.respond(response().withStatusCode(200).withDelay(TimeUnit.MILLISECONDS, 1500));
		ScbHttpClient slow = ScbHttpClient.create(TestSettings.http(2, Duration.ofMillis(300), 1024),
				TestSettings.noTls(), new TestSettings.RecordingSleeper(), this.observer);

		assertThatExceptionOfType(ScbUnavailableException.class).isThrownBy(() -> call(slow, server.getPort()));
		assertThat(this.observer.events).containsExactly("gdb_history timeout", "retry gdb_history",
				"gdb_history timeout");
	}

	@Test
	void aPortNobodyListensOnIsAConnectionFaultEveryAttempt() throws IOException {
		int port;
		try (ServerSocket socket = new ServerSocket(0)) {
			port = socket.getLocalPort();
		}
		ScbHttpClient client = client(2);

		assertThatExceptionOfType(ScbUnavailableException.class).isThrownBy(() -> call(client, port));
		assertThat(this.observer.events).containsExactly("gdb_history connection", "retry gdb_history",
				"gdb_history connection");
	}

	private ScbHttpClient client(int maxAttempts) {
		return ScbHttpClient.create(TestSettings.http(maxAttempts), TestSettings.noTls(),
				new TestSettings.RecordingSleeper(), this.observer);
	}

	private static void call(ScbHttpClient client, int port) {
		try {
			client.execute(ScbCall.get(ScbEndpoint.GDB_HISTORY, URI.create("http://localhost:" + port + "/m2m/v2/"),
					List.of("history", "3f1c"), ScbCall.noHeaders()));
		}
		finally {
			client.close();
		}
	}

	private static final class Recording implements ScbClientObserver {

		private final List<String> events = new CopyOnWriteArrayList<>();

		@Override
		public void attempted(ScbEndpoint endpoint, CallResult result) {
			this.events.add(endpoint.label() + " " + result.label());
		}

		@Override
		public void retried(ScbEndpoint endpoint) {
			this.events.add("retry " + endpoint.label());
		}

	}

}
