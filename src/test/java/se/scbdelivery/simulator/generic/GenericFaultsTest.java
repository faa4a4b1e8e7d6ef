package se.scbdelivery.simulator.generic;

import java.io.IOException;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import se.scbdelivery.scb.generic.Ticket;
import se.scbdelivery.simulator.ScbStandIn;
import se.scbdelivery.simulator.StandInOptions;
import se.scbdelivery.simulator.server.Faults.Call;
import se.scbdelivery.simulator.server.Gate;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatExceptionOfType;
import static org.assertj.core.api.Assertions.tuple;
import static se.scbdelivery.simulator.server.HttpResponses.expect;
import static se.scbdelivery.simulator.server.HttpResponses.json;
import static se.scbdelivery.simulator.server.HttpResponses.message;

/**
 * Faults on the generic service's calls do what a client's retry and recovery tests need,
 * over real connections.
 */
class GenericFaultsTest {

	private static final Duration WAIT = Duration.ofSeconds(10);

	private static final String BODY = GenericTestClient.body(Map.of("contract", "1"),
			"a;b\n".getBytes(StandardCharsets.UTF_8));

	private ScbStandIn standIn;

	private GenericTestClient client;

	@BeforeEach
	void start() {
		this.standIn = ScbStandIn.start(StandInOptions.defaults().withPollsBeforeFinal(1));
		this.client = new GenericTestClient(this.standIn.genericBaseUrl());
	}

	@AfterEach
	void stop() {
		this.standIn.close();
	}

	@Test
	void droppedSubmissionMakesATicketButTheClientGetsNoAnswer() throws Exception {
		this.standIn.faults().drop(Call.SUBMIT, null, 1);

		assertThatExceptionOfType(IOException.class).isThrownBy(() -> this.client.submit(BODY));

		GenericSubmissionReceived lost = this.standIn.genericSubmissions().get(0);
		assertThat(lost.ticket()).isNotNull();
		assertThat(lost.status()).isEqualTo(GenericSubmissionReceived.NO_ANSWER);
		assertThat(this.client.status(lost.ticket().value()).statusCode()).isEqualTo(202);
		assertThat(this.client.status(lost.ticket().value()).statusCode()).isEqualTo(302);
		assertThat(json(expect(200, this.client.result(lost.ticket().value()))).get("successfulValidation").asBoolean())
			.isTrue();
	}

	@Test
	void respondedSubmissionMakesNoTicketAndTheNextOneSucceeds() throws Exception {
		this.standIn.faults().respond(Call.SUBMIT, null, 1, 503);

		HttpResponse<String> refused = this.client.submit(BODY);
		HttpResponse<String> accepted = this.client.submit(BODY);

		assertThat(refused.statusCode()).isEqualTo(503);
		assertThat(message(refused)).isEqualTo("fault injected by the stand-in: HTTP 503");
		assertThat(accepted.statusCode()).isEqualTo(200);
		assertThat(this.standIn.genericSubmissions())
			.extracting(GenericSubmissionReceived::ticket, GenericSubmissionReceived::status)
			.containsExactly(tuple(null, 503), tuple(new Ticket(json(accepted).asString()), 200));
	}

	@Test
	void delayedStatusAnswersAfterTheDelay() throws Exception {
		String ticket = this.client.deliver(new byte[] { 1 });
		this.standIn.faults().delay(Call.STATUS, null, 1, Duration.ofMillis(300));

		long started = System.nanoTime();
		HttpResponse<String> delayed = this.client.status(ticket);
		Duration took = Duration.ofNanos(System.nanoTime() - started);

		assertThat(delayed.statusCode()).isEqualTo(202);
		assertThat(took).isGreaterThanOrEqualTo(Duration.ofMillis(300));
		assertThat(this.client.status(ticket).statusCode()).isEqualTo(302);
	}

	@Test
	void gatedStatusIsHeldUntilReleasedWithoutBlockingOtherCalls() throws Exception {
		String ticket = this.client.deliver(new byte[] { 1 });
		Gate gate = this.standIn.faults().gate(Call.STATUS, null);

		CompletableFuture<HttpResponse<String>> held = this.client.statusAsync(ticket);
		gate.awaitArrival(WAIT);
		HttpResponse<String> other = this.client.heartbeat();

		assertThat(other.statusCode()).isEqualTo(200);
		assertThat(this.standIn.statusCalls(ticket)).isEqualTo(1);
		assertThat(held).isNotDone();

		gate.release();

		assertThat(held.get(WAIT.toSeconds(), TimeUnit.SECONDS).statusCode()).isEqualTo(202);
	}

	@Test
	void textSpecFaultsApplyToTheGenericCalls() throws Exception {
		this.standIn.faults().apply("generic-heartbeat=429x1, submit=500x1, status-call=503x1, result=drop");

		HttpResponse<String> limited = this.client.heartbeat();
		expect(200, this.client.heartbeat());
		HttpResponse<String> failed = this.client.submit(BODY);
		String ticket = this.client.deliver(new byte[] { 1 });
		HttpResponse<String> unavailable = this.client.status(ticket);
		// the faulted call answered instead of the stand-in, so it was no poll: one 202
		// is still due
		expect(202, this.client.status(ticket));
		expect(302, this.client.status(ticket));

		assertThat(limited.statusCode()).isEqualTo(429);
		assertThat(limited.headers().firstValue("Retry-After")).hasValue("1");
		assertThat(failed.statusCode()).isEqualTo(500);
		assertThat(unavailable.statusCode()).isEqualTo(503);
		assertThat(unavailable.headers().firstValue("Retry-After")).hasValue("1");
		// always: the JDK client retries a GET once, silently, when the connection closes
		assertThatExceptionOfType(IOException.class).isThrownBy(() -> this.client.result(ticket));
		assertThat(this.standIn.resultCalls(ticket)).isGreaterThanOrEqualTo(1);
		this.standIn.faults().clear();
		expect(200, this.client.result(ticket));
	}

}
