package se.scbdelivery.cli;

import java.nio.file.Path;
import java.time.Duration;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;

import se.scbdelivery.simulator.ScbStandIn;
import se.scbdelivery.simulator.StandInOptions;
import se.scbdelivery.simulator.gdb.ReceivedFragment;
import se.scbdelivery.simulator.gdb.StoredDelivery;
import se.scbdelivery.simulator.generic.GenericSubmissionReceived;
import se.scbdelivery.simulator.server.Faults.Call;
import se.scbdelivery.testsupport.CliResult;
import se.scbdelivery.testsupport.InProcessCli;
import se.scbdelivery.testsupport.ProductSettings;
import se.scbdelivery.testsupport.StandInPerTest;
import se.scbdelivery.testsupport.TestFiles;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * A month-end completion through the real entry point: SCB takes longer to check the file
 * than {@code scb.http.response-timeout} allows any call, and the delivery waits for the
 * answer to {@code -1} (or to the generic POST) up to
 * {@code scb.http.completion-timeout}, sending it once. An answer that does not come
 * within that is lost as any other, and sent again.
 */
class CompletionTimeoutDeliveryTest {

	@TempDir
	Path dir;

	@RegisterExtension
	final StandInPerTest standIns = new StandInPerTest();

	@Test
	void aGdbCompletionCheckedForLongerThanTheResponseTimeoutIsSentOnceAndGetsItsDeliveryId() {
		// SCB takes three response timeouts to check the file
		ScbStandIn scb = this.standIns
			.start(StandInOptions.defaults().withPollsBeforeFinal(1).withCompletionCheck(Duration.ofSeconds(3)));
		Path file = TestFiles.xml(this.dir.resolve("inbox"), "vinn.xml", 1_500, null);

		CliResult result = deliver(settings(scb).httpCompletionTimeout("20s"), file);

		assertThat(result.exitCode()).as(result.toString()).isZero();
		assertThat(scb.fragments()).extracting(ReceivedFragment::index).containsExactly(0, 1, -1);
		assertThat(scb.deliveries()).singleElement()
			.satisfies((stored) -> assertThat(result.out()).contains("LOADED (exit 0)")
				.contains("DeliveryId   " + stored.deliveryId()));
		assertThat(result.toString()).doesNotContain("no answer within");
	}

	@Test
	void aGenericPostCheckedForLongerThanTheResponseTimeoutIsSentOnceAndGetsItsTicket() {
		ScbStandIn scb = this.standIns
			.start(StandInOptions.defaults().withPollsBeforeFinal(1).withCompletionCheck(Duration.ofSeconds(3)));
		Path file = TestFiles.xml(this.dir.resolve("inbox"), "data.csv", 600, null);

		CliResult result = InProcessCli.run(settings(scb).httpCompletionTimeout("20s"), "deliver", "--api", "generic",
				"--file", file.toString(), "--contract", "1");

		assertThat(result.exitCode()).as(result.toString()).isZero();
		assertThat(scb.genericSubmissions()).singleElement()
			.extracting(GenericSubmissionReceived::ticket)
			.satisfies((ticket) -> assertThat(result.out()).contains("LOADED (exit 0)")
				.contains("ticket       " + ticket));
	}

	@Test
	void aCompletionNotAnsweredWithinTheCompletionTimeoutIsSentAgain() {
		ScbStandIn scb = this.standIns.start(StandInOptions.defaults().withPollsBeforeFinal(1));
		// the first -1 is answered after the completion timeout; the stand-in then
		// abandons it
		scb.faults().delay(Call.COMPLETION, null, 1, Duration.ofSeconds(5));
		Path file = TestFiles.xml(this.dir.resolve("inbox"), "vinn.xml", 1_500, null);

		CliResult result = deliver(settings(scb).httpCompletionTimeout("2s"), file);

		assertThat(result.exitCode()).as(result.toString()).isZero();
		assertThat(scb.fragments()).extracting(ReceivedFragment::index).containsExactly(0, 1, -1, -1);
		StoredDelivery stored = scb.deliveries().get(0);
		assertThat(scb.deliveries()).containsExactly(stored);
		assertThat(result.out()).contains("DeliveryId   " + stored.deliveryId());
		assertThat(result.err())
			.contains("failed (attempt 1 of 2): no answer within 2 s (scb.http.completion-timeout)");
	}

	/** Every other call gives up after 1 s. */
	private ProductSettings settings(ScbStandIn scb) {
		return ProductSettings.standard(CompletionTimeoutDeliveryTest.class, this.dir)
			.standIn(scb)
			.httpResponseTimeout("1s");
	}

	private static CliResult deliver(ProductSettings settings, Path file) {
		return InProcessCli.run(settings, "deliver", "--file", file.toString(), "--org", "999000-0045", "--program",
				"VINN", "--period", "2024-06-30", "--format", "V40");
	}

}
