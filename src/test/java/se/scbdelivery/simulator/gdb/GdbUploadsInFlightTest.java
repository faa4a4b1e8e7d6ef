package se.scbdelivery.simulator.gdb;

import java.nio.charset.StandardCharsets;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import se.scbdelivery.simulator.ScbStandIn;
import se.scbdelivery.simulator.StandInOptions;
import se.scbdelivery.simulator.server.Channel;
import se.scbdelivery.simulator.server.UploadEvent;
import se.scbdelivery.simulator.server.UploadEvent.Kind;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.tuple;
import static se.scbdelivery.simulator.gdb.GdbTestClient.TARGET;
import static se.scbdelivery.simulator.server.HttpResponses.expect;
import static se.scbdelivery.simulator.server.HttpResponses.json;

/**
 * The stand-in records how many GDB files were in flight at once: from the heartbeat that
 * opened a file's session until its completion, so a test can check a client's limit.
 */
class GdbUploadsInFlightTest {

	private static final String OTHER_TARGET = "9990000045/VINN/2026-09-30/V40/annan.xml/";

	private ScbStandIn standIn;

	private GdbTestClient first;

	private GdbTestClient second;

	@BeforeEach
	void start() {
		this.standIn = ScbStandIn.start(StandInOptions.defaults().withPollsBeforeFinal(0));
		this.first = new GdbTestClient(this.standIn.gdbBaseUrl());
		this.second = new GdbTestClient(this.standIn.gdbBaseUrl());
	}

	@AfterEach
	void stop() {
		this.standIn.close();
	}

	@Test
	void filesDeliveredOneAfterTheOtherAreNeverInFlightTogether() throws Exception {
		this.first.deliver(Reports.report(3), 1000);
		this.first.deliver(Reports.report(4), 1000);
		this.second.deliver(Reports.report(5), 1000);

		assertThat(this.standIn.peakUploadsInFlight()).isEqualTo(1);
		assertThat(this.standIn.peakUploadsInFlight(Channel.GDB)).isEqualTo(1);
		assertThat(this.standIn.peakUploadsInFlight(Channel.GENERIC)).isZero();
		assertThat(this.standIn.uploadsInFlight()).isZero();
	}

	@Test
	void interleavedFilesAreInFlightTogether() throws Exception {
		expect(200, this.first.heartbeat());
		expect(200, this.first.fragment(0, TARGET, bytes("<a>")));
		expect(200, this.second.heartbeat());
		expect(200, this.second.fragment(0, OTHER_TARGET, bytes("<b>")));
		assertThat(this.standIn.uploadsInFlight()).isEqualTo(2);

		expect(200, this.first.fragment(1, TARGET, bytes("</a>")));
		expect(200, this.first.fragment(-1, TARGET, new byte[0]));
		assertThat(this.standIn.uploadsInFlight()).isEqualTo(1);
		expect(200, this.second.fragment(1, OTHER_TARGET, bytes("</b>")));
		expect(200, this.second.fragment(-1, OTHER_TARGET, new byte[0]));

		assertThat(this.standIn.peakUploadsInFlight()).isEqualTo(2);
		assertThat(this.standIn.uploadsInFlight()).isZero();
	}

	@Test
	void aFileIsInFlightFromTheHeartbeatOfItsSession() throws Exception {
		expect(200, this.first.heartbeat());
		expect(200, this.first.fragment(0, TARGET, bytes("<a>")));
		expect(200, this.second.heartbeat());
		expect(200, this.first.fragment(1, TARGET, bytes("</a>")));
		expect(200, this.first.fragment(-1, TARGET, new byte[0]));

		assertThat(this.standIn.peakUploadsInFlight()).isEqualTo(1);
		expect(200, this.second.fragment(0, OTHER_TARGET, bytes("<b/>")));
		expect(200, this.second.fragment(-1, OTHER_TARGET, new byte[0]));

		assertThat(this.standIn.peakUploadsInFlight()).isEqualTo(2);
	}

	@Test
	void aHeartbeatWithoutAFileIsNoUploadAndAResumedFileIsStillOne() throws Exception {
		expect(200, this.second.heartbeat());
		expect(200, this.first.heartbeat());
		expect(200, this.first.fragment(0, TARGET, bytes("<a>")));
		this.standIn.faults().forgetPartialUploads();
		expect(200, this.first.heartbeat());
		expect(200, this.first.fragment(0, TARGET, bytes("<a>")));
		expect(200, this.first.fragment(1, TARGET, bytes("</a>")));
		expect(200, this.first.fragment(-1, TARGET, new byte[0]));

		assertThat(this.standIn.peakUploadsInFlight()).isEqualTo(1);
		assertThat(this.standIn.uploadsInFlight()).isZero();
	}

	@Test
	void theEventLogTellsWhenEachDeliveryCompletedAndHadItsFinalStatusAnswered() throws Exception {
		String a = this.first.deliver(Reports.report(3), 1000);
		String b = this.second.deliver(Reports.report(4), 1000);
		expect(200, this.first.get("history/" + b));
		expect(200, this.first.get("history/" + a));
		expect(200, this.first.get("history/" + b));

		assertThat(this.standIn.uploadEvents()).extracting(UploadEvent::channel, UploadEvent::id, UploadEvent::kind)
			.containsExactly(tuple(Channel.GDB, a, Kind.COMPLETED), tuple(Channel.GDB, b, Kind.COMPLETED),
					tuple(Channel.GDB, b, Kind.FINAL_STATUS_ANSWERED),
					tuple(Channel.GDB, a, Kind.FINAL_STATUS_ANSWERED));
		assertThat(this.standIn.uploadEvents()).extracting(UploadEvent::at).isSorted();
	}

	@Test
	void resetForgetsThePeakAndTheEvents() throws Exception {
		String deliveryId = this.first.deliver(Reports.report(3), 1000);
		assertThat(json(expect(200, this.first.get("history/" + deliveryId))).get("Status").asString())
			.isEqualTo("Inläst");

		this.standIn.reset();

		assertThat(this.standIn.peakUploadsInFlight()).isZero();
		assertThat(this.standIn.uploadEvents()).isEmpty();
	}

	private static byte[] bytes(String text) {
		return text.getBytes(StandardCharsets.UTF_8);
	}

}
