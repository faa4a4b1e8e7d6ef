package se.scbdelivery.simulator.gdb;

import java.io.IOException;
import java.net.http.HttpResponse;
import java.net.http.HttpTimeoutException;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Arrays;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import se.scbdelivery.simulator.ScbStandIn;
import se.scbdelivery.simulator.StandInOptions;
import se.scbdelivery.simulator.server.Faults;
import se.scbdelivery.simulator.server.Faults.Call;
import se.scbdelivery.simulator.server.Gate;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatExceptionOfType;
import static org.assertj.core.api.Assertions.assertThatIllegalStateException;
import static org.assertj.core.api.Assertions.tuple;
import static se.scbdelivery.simulator.gdb.GdbTestClient.TARGET;
import static se.scbdelivery.simulator.server.HttpResponses.expect;
import static se.scbdelivery.simulator.server.HttpResponses.json;
import static se.scbdelivery.simulator.server.HttpResponses.message;

/**
 * Each kind of fault does what a client's retry and recovery tests need, over real
 * connections.
 */
class GdbFaultsTest {

	private static final Duration WAIT = Duration.ofSeconds(10);

	private ScbStandIn standIn;

	private GdbTestClient client;

	@BeforeEach
	void start() {
		this.standIn = ScbStandIn.start(StandInOptions.defaults().withPollsBeforeFinal(0));
		this.client = new GdbTestClient(this.standIn.gdbBaseUrl());
	}

	@AfterEach
	void stop() {
		this.standIn.close();
	}

	@Test
	void respondAnswersTheScriptedFaultTheGivenTimesThenHandlesNormally() throws Exception {
		this.standIn.faults().respond(Call.FRAGMENT, 1, 2, 503, "{\"Message\":\"busy\"}", Map.of("Retry-After", "1"));
		expect(200, this.client.heartbeat());
		expect(200, this.client.fragment(0, bytes("<a>")));

		HttpResponse<String> first = this.client.fragment(1, bytes("</a>"));
		HttpResponse<String> second = this.client.fragment(1, bytes("</a>"));
		HttpResponse<String> third = this.client.fragment(1, bytes("</a>"));

		assertThat(first.statusCode()).isEqualTo(503);
		assertThat(first.headers().firstValue("Retry-After")).hasValue("1");
		assertThat(message(first)).isEqualTo("busy");
		assertThat(second.statusCode()).isEqualTo(503);
		assertThat(third.statusCode()).isEqualTo(200);
		assertThat(this.standIn.fragments()).extracting(ReceivedFragment::index, ReceivedFragment::status)
			.containsExactly(tuple(0, 200), tuple(1, 503), tuple(1, 503), tuple(1, 200));
	}

	@Test
	void respondedFragmentIsNotStored() throws Exception {
		this.standIn.faults().respond(Call.FRAGMENT, 0, 1, 500);
		expect(200, this.client.heartbeat());

		assertThat(this.client.fragment(0, bytes("<a/>")).statusCode()).isEqualTo(500);
		HttpResponse<String> next = this.client.fragment(1, bytes("<b/>"));

		assertThat(next.statusCode()).isEqualTo(409);
	}

	@Test
	void respondAlwaysNeverRunsOut() throws Exception {
		this.standIn.faults().respond(Call.HEARTBEAT, null, Faults.ALWAYS, 500);

		for (int call = 0; call < 5; call++) {
			HttpResponse<String> response = this.client.heartbeat();
			assertThat(response.statusCode()).isEqualTo(500);
			assertThat(message(response)).isEqualTo("fault injected by the stand-in: HTTP 500");
			assertThat(response.headers().allValues("Set-Cookie")).isEmpty();
		}
		assertThat(this.standIn.heartbeatCount()).isEqualTo(5);
	}

	@Test
	void dropStoresTheFragmentButTheClientGetsNoAnswer() throws Exception {
		byte[] file = Reports.report(30);
		int half = file.length / 2;
		this.standIn.faults().drop(Call.FRAGMENT, 0, 1);
		expect(200, this.client.heartbeat());

		assertThatExceptionOfType(IOException.class)
			.isThrownBy(() -> this.client.fragment(0, Arrays.copyOfRange(file, 0, half)));

		expect(200, this.client.fragment(1, Arrays.copyOfRange(file, half, file.length)));
		expect(200, this.client.fragment(-1, new byte[0]));
		assertThat(this.standIn.deliveries().get(0).content()).isEqualTo(file);
		assertThat(this.standIn.fragments()).extracting(ReceivedFragment::status)
			.containsExactly(ReceivedFragment.NO_ANSWER, 200, 200);
	}

	@Test
	void dropAtCompletionStoresTheDeliveryButTheClientGetsNoAnswer() throws Exception {
		this.standIn.faults().drop(Call.COMPLETION, null, 1);
		expect(200, this.client.heartbeat());
		expect(200, this.client.fragment(0, bytes("<a/>")));

		assertThatExceptionOfType(IOException.class).isThrownBy(() -> this.client.fragment(-1, new byte[0]));

		assertThat(this.standIn.deliveries()).singleElement()
			.satisfies((delivery) -> assertThat(delivery.content()).isEqualTo(bytes("<a/>")));
	}

	@Test
	void delayedAnswerArrivesAfterTheDelay() throws Exception {
		this.standIn.faults().delay(Call.HEARTBEAT, null, 1, Duration.ofMillis(300));

		long started = System.nanoTime();
		HttpResponse<String> delayed = this.client.heartbeat();
		Duration took = Duration.ofNanos(System.nanoTime() - started);

		assertThat(delayed.statusCode()).isEqualTo(200);
		assertThat(took).isGreaterThanOrEqualTo(Duration.ofMillis(300));
		assertThat(this.client.heartbeat().statusCode()).isEqualTo(200);
	}

	@Test
	void delayLongerThanTheClientTimeoutTimesTheClientOut() throws Exception {
		this.standIn.faults().delay(Call.FRAGMENT, 0, 1, Duration.ofSeconds(30));
		expect(200, this.client.heartbeat());

		assertThatExceptionOfType(HttpTimeoutException.class).isThrownBy(() -> this.client
			.send(this.client.fragmentRequest(0, TARGET, "rapport.xml", bytes("<a/>"), Duration.ofMillis(300))));

		assertThat(this.standIn.awaitFragment(0, WAIT).status()).isEqualTo(ReceivedFragment.NO_ANSWER);
	}

	@Test
	void gateHoldsTheRequestUntilReleasedWithoutBlockingOtherClients() throws Exception {
		Gate gate = this.standIn.faults().gate(Call.FRAGMENT, 1);
		expect(200, this.client.heartbeat());
		expect(200, this.client.fragment(0, bytes("<a>")));

		CompletableFuture<HttpResponse<String>> held = this.client.fragmentAsync(1, bytes("</a>"));
		gate.awaitArrival(WAIT);
		ReceivedFragment arrived = this.standIn.awaitFragment(1, WAIT);
		HttpResponse<String> other = new GdbTestClient(this.standIn.gdbBaseUrl()).heartbeat();

		assertThat(arrived.partBytes()).isEqualTo(4);
		assertThat(arrived.status()).isEqualTo(ReceivedFragment.NO_ANSWER);
		assertThat(other.statusCode()).isEqualTo(200);
		assertThat(held).isNotDone();

		gate.release();

		assertThat(held.get(WAIT.toSeconds(), TimeUnit.SECONDS).statusCode()).isEqualTo(200);
		assertThat(this.standIn.fragments()).extracting(ReceivedFragment::status).containsExactly(200, 200);
	}

	@Test
	void awaitingAFragmentThatNeverComesTimesOutNamingWhatArrived() throws Exception {
		expect(200, this.client.heartbeat());
		expect(200, this.client.fragment(0, bytes("<a/>")));

		assertThatIllegalStateException().isThrownBy(() -> this.standIn.awaitFragment(5, Duration.ofMillis(50)))
			.withMessage("no fragment 5 arrived within PT0.05S; arrived so far: [0]");
		assertThatIllegalStateException()
			.isThrownBy(() -> this.standIn.faults().gate(Call.HEARTBEAT, null).awaitArrival(Duration.ofMillis(50)))
			.withMessageContaining("no request reached the gate on HEARTBEAT");
	}

	@Test
	void finalStatusFaultOverridesTheNextDeliveriesOnly() throws Exception {
		this.standIn.faults().finalStatus(1, "Systemfel");

		String first = this.client.deliver(Reports.report(3), 1000);
		String second = new GdbTestClient(this.standIn.gdbBaseUrl()).deliver(Reports.report(3), 1000);

		HttpResponse<String> firstHistory = expect(200, this.client.get("history/" + first));
		HttpResponse<String> secondHistory = expect(200, this.client.get("history/" + second));
		assertThat(json(firstHistory).get("Status").asString()).isEqualTo("Systemfel");
		assertThat(json(firstHistory).get("ProgressStatus").asInt()).isEqualTo(2);
		assertThat(json(firstHistory).get("FileWasUploaded").asBoolean()).isFalse();
		assertThat(json(secondHistory).get("Status").asString()).isEqualTo("Inläst");
	}

	@Test
	void textSpecFaultsAreAppliedToRealCalls() throws Exception {
		this.standIn.faults().apply("heartbeat=429x1, fragment:1=503x1, completion=500");

		HttpResponse<String> limited = this.client.heartbeat();
		expect(200, this.client.heartbeat());
		expect(200, this.client.fragment(0, bytes("<a>")));
		HttpResponse<String> unavailable = this.client.fragment(1, bytes("</a>"));
		expect(200, this.client.fragment(1, bytes("</a>")));

		assertThat(limited.statusCode()).isEqualTo(429);
		assertThat(limited.headers().firstValue("Retry-After")).hasValue("1");
		assertThat(unavailable.statusCode()).isEqualTo(503);
		assertThat(this.client.fragment(-1, new byte[0]).statusCode()).isEqualTo(500);
		assertThat(this.client.fragment(-1, new byte[0]).statusCode()).isEqualTo(500);
	}

	private static byte[] bytes(String text) {
		return text.getBytes(StandardCharsets.UTF_8);
	}

}
