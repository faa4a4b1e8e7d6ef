package se.scbdelivery.simulator.gdb;

import java.net.http.HttpTimeoutException;
import java.nio.charset.StandardCharsets;
import java.time.Duration;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

import se.scbdelivery.simulator.ScbStandIn;
import se.scbdelivery.simulator.StandInOptions;
import se.scbdelivery.testsupport.StandInPerTest;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatExceptionOfType;
import static org.assertj.core.api.Assertions.tuple;
import static se.scbdelivery.simulator.gdb.GdbTestClient.TARGET;
import static se.scbdelivery.simulator.server.HttpResponses.expect;
import static se.scbdelivery.simulator.server.HttpResponses.json;

/**
 * SCB checks the assembled file before it answers the completing fragment {@code -1}:
 * with a completion check, that answer comes only after it, while fragments are answered
 * at once.
 */
class GdbCompletionCheckTest {

	private static final Duration CHECK = Duration.ofSeconds(2);

	@RegisterExtension
	final StandInPerTest standIns = new StandInPerTest();

	private ScbStandIn standIn;

	private GdbTestClient client;

	@BeforeEach
	void start() {
		this.standIn = this.standIns
			.start(StandInOptions.defaults().withPollsBeforeFinal(0).withCompletionCheck(CHECK));
		this.client = new GdbTestClient(this.standIn.gdbBaseUrl());
	}

	@Test
	void theCompletionIsAnsweredWithItsDeliveryIdOnlyOnceTheCheckIsOver() throws Exception {
		expect(200, this.client.heartbeat());

		long fragmentStarted = System.nanoTime();
		expect(200, this.client.fragment(0, bytes("<a/>")));
		Duration fragmentTook = Duration.ofNanos(System.nanoTime() - fragmentStarted);
		long completionStarted = System.nanoTime();
		String deliveryId = json(expect(200, this.client.fragment(-1, new byte[0]))).get("DeliveryId").asString();
		Duration completionTook = Duration.ofNanos(System.nanoTime() - completionStarted);

		assertThat(fragmentTook).isLessThan(CHECK);
		assertThat(completionTook).isGreaterThanOrEqualTo(CHECK);
		assertThat(this.standIn.deliveries()).singleElement()
			.satisfies((delivery) -> assertThat(delivery.deliveryId().value()).isEqualTo(deliveryId));
	}

	@Test
	void aCompletionWhoseClientGaveUpDuringTheCheckLeavesNoDelivery() throws Exception {
		expect(200, this.client.heartbeat());
		expect(200, this.client.fragment(0, bytes("<a/>")));

		assertThatExceptionOfType(HttpTimeoutException.class).isThrownBy(() -> this.client
			.send(this.client.fragmentRequest(-1, TARGET, "rapport.xml", new byte[0], Duration.ofMillis(300))));
		// had the first completion taken effect, this one would find nothing to complete
		String deliveryId = json(expect(200, this.client.fragment(-1, new byte[0]))).get("DeliveryId").asString();

		assertThat(this.standIn.deliveries()).singleElement()
			.satisfies((delivery) -> assertThat(delivery.deliveryId().value()).isEqualTo(deliveryId));
		assertThat(this.standIn.fragments()).extracting(ReceivedFragment::index, ReceivedFragment::status)
			.containsExactly(tuple(0, 200), tuple(-1, ReceivedFragment.NO_ANSWER), tuple(-1, 200));
	}

	private static byte[] bytes(String text) {
		return text.getBytes(StandardCharsets.UTF_8);
	}

}
