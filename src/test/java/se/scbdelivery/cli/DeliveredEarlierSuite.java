package se.scbdelivery.cli;

import java.nio.file.Path;

import org.junit.jupiter.api.Test;

import se.scbdelivery.simulator.generic.GenericSubmissionReceived;
import se.scbdelivery.testsupport.CliResult;
import se.scbdelivery.testsupport.TestFiles;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * A delivery's identity: the same file delivered again is "delivered earlier" and sends
 * nothing, and a test delivery and a real one of the same file are two deliveries. Run on
 * each job repository by {@link DeliveryEndToEndOnH2Test} and
 * {@link DeliveryEndToEndOnPostgresTest}.
 */
abstract class DeliveredEarlierSuite extends DeliveryEndToEnd {

	@Test
	void deliveringACompletedFileAgainSendsNothingAndReportsTheEarlierOutcome() {
		Path file = TestFiles.xml(this.inbox, "a.xml", 900, "Inläst med fel");
		CliResult first = deliver(file, "KRITA", "2024-06-30", "KRITA_MONTHLY");
		assertThat(first.exitCode()).isEqualTo(4);
		int heartbeats = this.scb.heartbeatCount();
		int fragments = this.scb.fragments().size();

		CliResult again = deliver(file, "KRITA", "2024-06-30", "KRITA_MONTHLY");

		assertThat(again.exitCode()).as(again.toString()).isEqualTo(4);
		assertThat(again.out()).contains("Delivery " + execution(first)
				+ ": LOADED_WITH_ERRORS (exit 4) - delivered earlier; nothing was sent now");
		assertThat(this.scb.heartbeatCount()).isEqualTo(heartbeats);
		assertThat(this.scb.fragments()).hasSize(fragments);
	}

	@Test
	void aTestDeliveryAndARealOneOfTheSameFileAreTwoDeliveries() {
		Path file = TestFiles.xml(this.inbox, "data.csv", 600, null);

		CliResult test = run("deliver", "--api", "generic", "--file", file.toString(), "--contract", "1", "--test");
		CliResult real = run("deliver", "--api", "generic", "--file", file.toString(), "--contract", "1");

		assertThat(test.exitCode()).isZero();
		assertThat(real.exitCode()).as(real.toString()).isZero();
		assertThat(real.out()).doesNotContain("delivered earlier");
		assertThat(this.scb.genericSubmissions()).extracting(GenericSubmissionReceived::test)
			.containsExactly(true, null);
		assertThat(run("deliver", "--api", "generic", "--file", file.toString(), "--contract", "1").out())
			.contains("delivered earlier; nothing was sent now");
		assertThat(this.scb.genericSubmissions()).hasSize(2);
	}

}
