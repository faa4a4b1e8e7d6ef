package se.scbdelivery.simulator.gdb;

import java.io.IOException;
import java.time.Duration;
import java.time.Instant;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import tools.jackson.databind.JsonNode;

import se.scbdelivery.simulator.ScbStandIn;
import se.scbdelivery.simulator.StandInOptions;
import se.scbdelivery.simulator.server.Channel;
import se.scbdelivery.simulator.server.TestClock;
import se.scbdelivery.simulator.server.UploadEvent;
import se.scbdelivery.simulator.server.UploadEvent.Kind;
import se.scbdelivery.testsupport.StandInPerTest;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;
import static org.assertj.core.api.Assertions.tuple;
import static org.awaitility.Awaitility.await;
import static se.scbdelivery.simulator.server.HttpResponses.expect;
import static se.scbdelivery.simulator.server.HttpResponses.json;

/**
 * SCB's pace: a DeliveryId's history answers {@code Bearbetar} until the processing time
 * has passed since its completion was answered, on the stand-in's clock, however often it
 * is polled.
 */
class GdbProcessingTimeTest {

	private static final Instant START = Instant.parse("2026-09-30T08:00:00Z");

	private final TestClock clock = new TestClock(START);

	@RegisterExtension
	final StandInPerTest standIns = new StandInPerTest();

	private ScbStandIn standIn;

	private GdbTestClient client;

	private void start(StandInOptions options) {
		this.standIn = this.standIns.start(options);
		this.client = new GdbTestClient(this.standIn.gdbBaseUrl());
	}

	@Test
	void historyAnswersBearbetarUntilTheProcessingTimeHasPassedSinceTheCompletion() throws Exception {
		start(StandInOptions.defaults()
			.withPollsBeforeFinal(0)
			.withProcessing(Duration.ofSeconds(60))
			.withClock(this.clock));
		String deliveryId = this.client.deliver(Reports.report(3), 1000);

		JsonNode atOnce = history(deliveryId);
		JsonNode again = history(deliveryId);
		this.clock.advance(Duration.ofSeconds(59));
		JsonNode justBefore = history(deliveryId);
		this.clock.advance(Duration.ofSeconds(1));
		JsonNode after = history(deliveryId);

		for (JsonNode processing : new JsonNode[] { atOnce, again, justBefore }) {
			assertThat(processing.get("Status").asString()).isEqualTo("Bearbetar");
			assertThat(processing.get("ProgressStatus").asInt()).isEqualTo(1);
			assertThat(processing.get("FileWasUploaded").asBoolean()).isFalse();
		}
		assertThat(after.get("Status").asString()).isEqualTo("Inläst");
		assertThat(after.get("ProgressStatus").asInt()).isEqualTo(3);
		assertThat(after.get("FileWasUploaded").asBoolean()).isTrue();
		assertThat(this.standIn.uploadEvents())
			.extracting(UploadEvent::at, UploadEvent::channel, UploadEvent::id, UploadEvent::kind)
			.containsExactly(tuple(START, Channel.GDB, deliveryId, Kind.COMPLETED),
					tuple(START.plusSeconds(60), Channel.GDB, deliveryId, Kind.FINAL_STATUS_ANSWERED));
	}

	@Test
	void thePollsBeforeFinalStillComeFirst() throws Exception {
		start(StandInOptions.defaults()
			.withPollsBeforeFinal(2)
			.withProcessing(Duration.ofSeconds(10))
			.withClock(this.clock));
		String deliveryId = this.client.deliver(Reports.report(3), 1000);
		this.clock.advance(Duration.ofMinutes(5));

		assertThat(history(deliveryId).get("Status").asString()).isEqualTo("Bearbetar");
		assertThat(history(deliveryId).get("Status").asString()).isEqualTo("Bearbetar");
		assertThat(history(deliveryId).get("Status").asString()).isEqualTo("Inläst");
	}

	@Test
	void eachDeliveryWaitsFromItsOwnCompletion() throws Exception {
		start(StandInOptions.defaults()
			.withPollsBeforeFinal(0)
			.withProcessing(Duration.ofSeconds(30))
			.withClock(this.clock));
		String first = this.client.deliver(Reports.report(3), 1000);
		this.clock.advance(Duration.ofSeconds(20));
		String second = new GdbTestClient(this.standIn.gdbBaseUrl()).deliver(Reports.report(4), 1000);
		this.clock.advance(Duration.ofSeconds(10));

		assertThat(history(first).get("Status").asString()).isEqualTo("Inläst");
		assertThat(history(second).get("Status").asString()).isEqualTo("Bearbetar");
	}

	@Test
	void aProcessingFaultGivesTheNextDeliveryItsTimeThenTheUsualOneApplies() throws Exception {
		start(StandInOptions.defaults().withPollsBeforeFinal(0).withClock(this.clock));
		this.standIn.faults().apply("processing=5mx1");
		String slow = this.client.deliver(Reports.report(3), 1000);
		String quick = new GdbTestClient(this.standIn.gdbBaseUrl()).deliver(Reports.report(4), 1000);

		assertThat(history(slow).get("Status").asString()).isEqualTo("Bearbetar");
		assertThat(history(quick).get("Status").asString()).isEqualTo("Inläst");
		this.clock.advance(Duration.ofMinutes(5));
		assertThat(history(slow).get("Status").asString()).isEqualTo("Inläst");
	}

	@Test
	void onTheSystemClockTheFinalStatusComesOnceTheTimeHasPassed() throws Exception {
		Duration processing = Duration.ofSeconds(3);
		start(StandInOptions.defaults().withPollsBeforeFinal(0).withProcessing(processing));
		long completed = System.nanoTime();
		String deliveryId = this.client.deliver(Reports.report(3), 1000);

		assertThat(history(deliveryId).get("Status").asString()).isEqualTo("Bearbetar");
		await().atMost(Duration.ofSeconds(30))
			.pollInterval(Duration.ofMillis(200))
			.until(() -> history(deliveryId).get("Status").asString().equals("Inläst"));
		assertThat(Duration.ofNanos(System.nanoTime() - completed)).isGreaterThanOrEqualTo(processing);
	}

	@Test
	void aNegativeProcessingTimeIsRefused() {
		assertThatIllegalArgumentException()
			.isThrownBy(() -> StandInOptions.defaults().withProcessing(Duration.ofSeconds(-1)))
			.withMessageContaining("processing PT-1S must be zero or more");
	}

	private JsonNode history(String deliveryId) throws IOException, InterruptedException {
		return json(expect(200, this.client.get("history/" + deliveryId)));
	}

}
