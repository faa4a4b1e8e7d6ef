package se.scbdelivery.delivery.journal;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.time.Clock;

import org.junit.jupiter.api.Test;

import se.scbdelivery.delivery.journal.Verdict.Meaning;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Journals live for years in job repositories: those written by version 0.1.0, before the
 * channel became a type (flat, nullable DeliveryId, ticket and final status fields), are
 * read as they were meant. The fixtures were captured from that build's job repository.
 */
class JournalCompatibilityTest {

	private final DeliveryJournals journals = new DeliveryJournals(null, Clock.systemUTC());

	@Test
	void aGdbJournalWithASystemfelAndAReUploadKeepsBothAttempts() throws IOException {
		DeliveryJournal journal = read("gdb-systemfel-then-loaded-0.1.0.json");

		assertThat(journal.fileSize()).isEqualTo(1129);
		assertThat(journal.fragmentCount()).isEqualTo(1);
		assertThat(journal.fragmentSize()).isEqualTo(9_216_000);
		assertThat(journal.attempts()).hasSize(2);
		UploadAttempt first = journal.attempts().get(0);
		assertThat(first.receipt())
			.isEqualTo(new GdbReceipt("bb14e386-afa5-491e-bc47-63e9e89a9d14", "2026-12-02T05:21:50.792Z"));
		assertThat(first.verdict()).isEqualTo(new GdbVerdict("Systemfel", 2));
		assertThat(first.verdict().meaning()).isEqualTo(Meaning.SYSTEM_ERROR);
		assertThat(first.endedIn(1)).isTrue();
		assertThat(first.polls()).isEqualTo(2);
		UploadAttempt second = journal.currentAttempt();
		assertThat(second.deliveryId()).isEqualTo("9d388356-cf32-468e-900b-4d9b0d7e5d57");
		assertThat(second.verdict()).isEqualTo(new GdbVerdict("Inläst", 3));
		assertThat(journal.isSettled()).isTrue();
		assertThat(journal.deliveryId()).isEqualTo("9d388356-cf32-468e-900b-4d9b0d7e5d57");
		assertThat(journal.lastHistory().status()).isEqualTo("Inläst");
		assertThat(journal.validation()).isNull();
		assertThat(journal.entries()).singleElement()
			.satisfies((entry) -> assertThat(entry.message()).startsWith("SCB answered Systemfel"));
		assertThat(journal.reportFile()).isEqualTo("reports/delivery-1-9990000045-VINN-2026-09-30.json");
	}

	@Test
	void aGenericJournalWhosePostWasUnansweredHasAnOpenAttemptWithoutReceipt() throws IOException {
		DeliveryJournal journal = read("generic-post-unanswered-0.1.0.json");

		UploadAttempt attempt = journal.currentAttempt();
		assertThat(attempt.receipt()).isNull();
		assertThat(attempt.isUploaded()).isFalse();
		assertThat(attempt.isFinished()).isFalse();
		assertThat(journal.lastAnswer()).isNull();
		assertThat(journal.entries()).singleElement()
			.satisfies((entry) -> assertThat(entry.kind()).isEqualTo(JournalEntry.Kind.FAILURE));
	}

	@Test
	void aGenericJournalKeepsTheUnansweredPostTheTicketAndTheValidation() throws IOException {
		DeliveryJournal journal = read("generic-resent-and-validated-0.1.0.json");

		assertThat(journal.attempts()).hasSize(2);
		assertThat(journal.attempts().get(0).verdict()).isEqualTo(new NoVerdict("no answer: SCB may have received it"));
		assertThat(journal.attempts().get(0).verdict().meaning()).isEqualTo(Meaning.NONE);
		UploadAttempt second = journal.currentAttempt();
		assertThat(second.receipt()).isEqualTo(new GenericReceipt("0dbe5259-dca5-45b5-b0b4-d1028ae9885f"));
		assertThat(second.verdict()).isEqualTo(new GenericVerdict(true));
		assertThat(journal.ticket()).isEqualTo("0dbe5259-dca5-45b5-b0b4-d1028ae9885f");
		assertThat(journal.validation().successfulValidation()).isTrue();
		assertThat(journal.validation().json()).contains("\"successfulValidation\":true");
		assertThat(journal.lastHistory()).isNull();
		assertThat(journal.isSettled()).isTrue();
	}

	@Test
	void aJournalReadFromAnOldOneIsWrittenInTheNewFormAndReadBackTheSame() throws IOException {
		for (String fixture : new String[] { "gdb-systemfel-then-loaded-0.1.0.json",
				"generic-post-unanswered-0.1.0.json", "generic-resent-and-validated-0.1.0.json" }) {
			DeliveryJournal old = read(fixture);

			String rewritten = this.journals.write(old);

			assertThat(rewritten).as(fixture).doesNotContain("\"finalStatus\"", "\"lastStatus\"");
			assertThat(this.journals.parse(rewritten)).as(fixture).isEqualTo(old);
		}
	}

	private DeliveryJournal read(String fixture) throws IOException {
		try (InputStream in = getClass().getResourceAsStream("/journals/" + fixture)) {
			return this.journals.parse(new String(in.readAllBytes(), StandardCharsets.UTF_8));
		}
	}

}
