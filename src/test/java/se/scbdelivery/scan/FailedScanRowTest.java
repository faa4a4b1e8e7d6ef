package se.scbdelivery.scan;

import java.nio.file.Path;

import org.junit.jupiter.api.Test;

import se.scbdelivery.delivery.GdbDeliveryRequest;
import se.scbdelivery.delivery.LeaseLostException;
import se.scbdelivery.report.ScanRow;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * A file whose delivery could not begin still shows what its folders name, and a sentence
 * to act on.
 */
class FailedScanRowTest {

	private final Path relative = Path.of("9990000045/VINN/2026-09-30/V40/vinn.xml");

	private final InboxFile.Ready ready = new InboxFile.Ready(this.relative, GdbDeliveryRequest
		.of(Path.of("/inbox").resolve(this.relative), "9990000045", "VINN", "2026-09-30", "V40", null, null));

	@Test
	void aFailedRowCarriesTheFoldersMetadataAndTheSentence() {
		ScanRow row = ScanRunner.failed(this.ready, new LeaseLostException("the lease on the delivery of vinn.xml "
				+ "lapsed after this process stalled: this process sends SCB nothing more for it; run it again"));

		assertThat(row)
			.extracting(ScanRow::organisation, ScanRow::program, ScanRow::referencePeriod, ScanRow::fileFormat,
					ScanRow::outcome, ScanRow::exitCode)
			.containsExactly("9990000045", "VINN", "2026-09-30", "V40", "FAILED", 1);
		assertThat(row.whatToDo()).startsWith("the lease on the delivery of vinn.xml lapsed");
	}

	@Test
	void anUnexpectedFailureIsTheOnlyOneNamingAClass() {
		ScanRow row = ScanRunner.failed(this.ready, new IllegalStateException("Lock x is odd"));

		assertThat(row.organisation()).isEqualTo("9990000045");
		assertThat(row.whatToDo()).startsWith("unexpected IllegalStateException: Lock x is odd (the log has the "
				+ "details); the next scan or 'restart --failed' resumes");
	}

}
