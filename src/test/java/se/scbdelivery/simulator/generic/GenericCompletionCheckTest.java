package se.scbdelivery.simulator.generic;

import java.time.Duration;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

import se.scbdelivery.scb.generic.Ticket;
import se.scbdelivery.simulator.ScbStandIn;
import se.scbdelivery.simulator.StandInOptions;
import se.scbdelivery.testsupport.StandInPerTest;

import static org.assertj.core.api.Assertions.assertThat;
import static se.scbdelivery.simulator.server.HttpResponses.expect;

/**
 * SCB checks a generic submission before it answers the POST: with a completion check,
 * the ticket comes only after it, while the other calls are answered at once.
 */
class GenericCompletionCheckTest {

	private static final Duration CHECK = Duration.ofSeconds(2);

	@RegisterExtension
	final StandInPerTest standIns = new StandInPerTest();

	@Test
	void thePostIsAnsweredWithItsTicketOnlyOnceTheCheckIsOver() throws Exception {
		ScbStandIn standIn = this.standIns.start(StandInOptions.defaults().withCompletionCheck(CHECK));
		GenericTestClient client = new GenericTestClient(standIn.genericBaseUrl());

		long heartbeatStarted = System.nanoTime();
		expect(200, client.heartbeat());
		Duration heartbeatTook = Duration.ofNanos(System.nanoTime() - heartbeatStarted);
		long postStarted = System.nanoTime();
		String ticket = client.deliver(new byte[] { 1, 2, 3 });
		Duration postTook = Duration.ofNanos(System.nanoTime() - postStarted);

		assertThat(heartbeatTook).isLessThan(CHECK);
		assertThat(postTook).isGreaterThanOrEqualTo(CHECK);
		assertThat(standIn.genericSubmissions()).singleElement()
			.satisfies((received) -> assertThat(received.ticket()).isEqualTo(new Ticket(ticket)));
	}

}
