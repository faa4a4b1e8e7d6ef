package se.scbdelivery.simulator.generic;

import java.net.http.HttpRequest.BodyPublishers;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import se.scbdelivery.simulator.ScbStandIn;
import se.scbdelivery.simulator.StandInOptions;
import se.scbdelivery.simulator.server.Channel;
import se.scbdelivery.simulator.server.Faults.Call;
import se.scbdelivery.simulator.server.Gate;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static se.scbdelivery.simulator.server.HttpResponses.expect;

/**
 * The stand-in records how many generic POSTs were in flight at once, so a test can check
 * a client's limit.
 */
class GenericUploadsInFlightTest {

	private static final Duration WAIT = Duration.ofSeconds(10);

	private static final String BODY = GenericTestClient.body(Map.of("contract", "1"), new byte[] { 1, 2, 3 });

	private ScbStandIn standIn;

	private GenericTestClient client;

	@BeforeEach
	void start() {
		this.standIn = ScbStandIn.start(StandInOptions.defaults());
		this.client = new GenericTestClient(this.standIn.genericBaseUrl());
	}

	@AfterEach
	void stop() {
		this.standIn.close();
	}

	@Test
	void postsOneAfterTheOtherAreNeverInFlightTogether() throws Exception {
		expect(200, this.client.submit(BODY));
		expect(200, this.client.submit(BODY));
		expect(415, this.client.submit("text/plain", BodyPublishers.ofString("x")));

		assertThat(this.standIn.peakUploadsInFlight()).isEqualTo(1);
		assertThat(this.standIn.peakUploadsInFlight(Channel.GENERIC)).isEqualTo(1);
		assertThat(this.standIn.peakUploadsInFlight(Channel.GDB)).isZero();
		assertThat(this.standIn.uploadsInFlight()).isZero();
	}

	@Test
	void aPostHeldWhileOthersAreAnsweredIsInFlightWithThem() throws Exception {
		Gate gate = this.standIn.faults().gate(Call.SUBMIT, null);
		CompletableFuture<HttpResponse<String>> held = this.client.submitAsync(BODY);
		gate.awaitArrival(WAIT);

		expect(200, this.client.submit(BODY));
		expect(200, this.client.submit(BODY));
		assertThat(this.standIn.uploadsInFlight()).isEqualTo(1);
		gate.release();

		assertThat(held.get(WAIT.toSeconds(), TimeUnit.SECONDS).statusCode()).isEqualTo(200);
		await().atMost(WAIT).until(() -> this.standIn.uploadsInFlight() == 0);
		assertThat(this.standIn.peakUploadsInFlight()).isEqualTo(2);
	}

}
