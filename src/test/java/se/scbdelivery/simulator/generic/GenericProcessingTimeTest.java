package se.scbdelivery.simulator.generic;

import java.time.Duration;
import java.time.Instant;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

import se.scbdelivery.simulator.ScbStandIn;
import se.scbdelivery.simulator.StandInOptions;
import se.scbdelivery.simulator.server.Channel;
import se.scbdelivery.simulator.server.TestClock;
import se.scbdelivery.simulator.server.UploadEvent;
import se.scbdelivery.simulator.server.UploadEvent.Kind;
import se.scbdelivery.testsupport.StandInPerTest;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.tuple;
import static se.scbdelivery.simulator.server.HttpResponses.expect;
import static se.scbdelivery.simulator.server.HttpResponses.json;

/**
 * SCB's pace on the generic service: a ticket's status answers 202 until the processing
 * time has passed since its POST, on the stand-in's clock, and its result is not there
 * before.
 */
class GenericProcessingTimeTest {

	private static final Instant START = Instant.parse("2026-09-30T08:00:00Z");

	private final TestClock clock = new TestClock(START);

	@RegisterExtension
	final StandInPerTest standIns = new StandInPerTest();

	private ScbStandIn standIn;

	private GenericTestClient client;

	private void start(StandInOptions options) {
		this.standIn = this.standIns.start(options.withClock(this.clock));
		this.client = new GenericTestClient(this.standIn.genericBaseUrl());
	}

	@Test
	void statusAnswers202UntilTheProcessingTimeHasPassedSinceThePost() throws Exception {
		start(StandInOptions.defaults().withPollsBeforeFinal(0).withProcessing(Duration.ofSeconds(60)));
		String ticket = this.client.deliver(new byte[] { 1 });

		expect(202, this.client.status(ticket));
		expect(404, this.client.result(ticket));
		this.clock.advance(Duration.ofSeconds(59));
		expect(202, this.client.status(ticket));
		this.clock.advance(Duration.ofSeconds(1));
		expect(200, this.client.result(ticket));
		expect(302, this.client.status(ticket));
		expect(302, this.client.status(ticket));

		assertThat(json(expect(200, this.client.result(ticket))).get("successfulValidation").asBoolean()).isTrue();
		assertThat(this.standIn.uploadEvents())
			.extracting(UploadEvent::at, UploadEvent::channel, UploadEvent::id, UploadEvent::kind)
			.containsExactly(tuple(START, Channel.GENERIC, ticket, Kind.COMPLETED),
					tuple(START.plusSeconds(60), Channel.GENERIC, ticket, Kind.FINAL_STATUS_ANSWERED));
	}

	@Test
	void thePollsBeforeFinalStillComeFirst() throws Exception {
		start(StandInOptions.defaults().withPollsBeforeFinal(1).withProcessing(Duration.ofSeconds(10)));
		String ticket = this.client.deliver(new byte[] { 1 });
		this.clock.advance(Duration.ofMinutes(1));

		expect(202, this.client.status(ticket));
		expect(302, this.client.status(ticket));
	}

	@Test
	void aProcessingFaultGivesTheNextTicketItsTimeThenTheUsualOneApplies() throws Exception {
		start(StandInOptions.defaults().withPollsBeforeFinal(0));
		this.standIn.faults().apply("processing=2mx1");
		String slow = this.client.deliver(new byte[] { 1 });
		String quick = this.client.deliver(new byte[] { 2 });

		expect(202, this.client.status(slow));
		expect(302, this.client.status(quick));
		this.clock.advance(Duration.ofMinutes(2));
		expect(302, this.client.status(slow));
	}

}
