package se.scbdelivery.cli;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.LocalTime;
import java.time.format.DateTimeFormatter;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

import se.scbdelivery.simulator.gdb.ReceivedFragment;
import se.scbdelivery.simulator.gdb.StoredDelivery;
import se.scbdelivery.simulator.server.Faults.Call;
import se.scbdelivery.simulator.server.Gate;
import se.scbdelivery.testsupport.CliResult;
import se.scbdelivery.testsupport.TestFiles;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * GDB end to end, a failed or running delivery and what comes after it: {@code restart}
 * and the same {@code deliver} again resume it where SCB's acknowledgements end, follow a
 * DeliveryId already given instead of uploading again, refuse a changed file, and leave
 * an execution alone while its process lives. Run on each job repository by
 * {@link DeliveryEndToEndOnH2Test} and {@link DeliveryEndToEndOnPostgresTest}.
 */
abstract class GdbResumeSuite extends DeliveryEndToEnd {

	@Test
	void restartSendsTheFailedFragmentFirstAndNeverTheAcknowledgedOnes() throws IOException {
		// given an upload that fails at fragment 2 through every retry
		this.scb.faults().respond(Call.FRAGMENT, 2, Integer.MAX_VALUE, 500);
		Path file = TestFiles.xml(this.inbox, "a.xml", 4_200, null);
		CliResult failed = deliver(file, "VINN", "2024-06-30", "V40");
		assertThat(failed.exitCode()).as(failed.toString()).isEqualTo(1);
		assertThat(indexes(this.scb.fragments())).containsExactly(0, 1, 2, 2, 2);
		assertThat(failed.out()).contains("FAILED (exit 1)").contains("restart " + execution(failed));

		// when SCB recovers and the execution is restarted
		this.scb.faults().clear();
		int before = this.scb.fragments().size();
		CliResult resumed = run("restart", String.valueOf(execution(failed)));

		// then fragment 2 is sent first, 0 and 1 never again, and SCB has the whole file
		assertThat(resumed.exitCode()).as(resumed.toString()).isZero();
		assertThat(indexes(this.scb.fragments().subList(before, this.scb.fragments().size()))).containsExactly(2, 3, 4,
				-1);
		assertThat(onlyDelivery().content()).isEqualTo(Files.readAllBytes(file));
		assertThat(resumed.out()).contains("Resuming the upload at fragment 2 of 5 (fragments 0..1 were acknowledged)");
	}

	@Test
	void runningTheSameDeliverAgainAfterAFailureResumesIt() {
		this.scb.faults().respond(Call.FRAGMENT, 1, Integer.MAX_VALUE, 502);
		Path file = TestFiles.xml(this.inbox, "a.xml", 2_500, null);
		assertThat(deliver(file, "VINN", "2024-06-30", "V40").exitCode()).isEqualTo(1);
		this.scb.faults().clear();
		int before = this.scb.fragments().size();

		CliResult resumed = deliver(file, "VINN", "2024-06-30", "V40");

		assertThat(resumed.exitCode()).as(resumed.toString()).isZero();
		assertThat(indexes(this.scb.fragments().subList(before, this.scb.fragments().size()))).containsExactly(1, 2,
				-1);
		assertThat(onlyDelivery().content()).isEqualTo(bytes(file));
	}

	@Test
	void startsOverFromFragmentZeroWhenScbNoLongerKnowsThePartialUpload() {
		this.scb.faults().respond(Call.FRAGMENT, 2, Integer.MAX_VALUE, 500);
		Path file = TestFiles.xml(this.inbox, "a.xml", 3_500, null);
		CliResult failed = deliver(file, "VINN", "2024-06-30", "V40");
		assertThat(failed.exitCode()).isEqualTo(1);
		this.scb.faults().clear();
		this.scb.faults().forgetPartialUploads();
		int before = this.scb.fragments().size();

		CliResult resumed = run("restart", String.valueOf(execution(failed)));

		assertThat(resumed.exitCode()).as(resumed.toString()).isZero();
		List<ReceivedFragment> sent = this.scb.fragments().subList(before, this.scb.fragments().size());
		assertThat(indexes(sent)).containsExactly(2, 0, 1, 2, 3, -1);
		assertThat(sent.get(0).status()).isEqualTo(409);
		assertThat(onlyDelivery().content()).isEqualTo(bytes(file));
		assertThat(resumed.out())
			.contains("SCB refused to continue the partial upload at fragment 2 in the new session (HTTP 409)")
			.contains("sent again from fragment 0");
	}

	@Test
	void followsTheSameDeliveryIdAfterAPollTimeoutAndNeverUploadsAgain() {
		this.scb.faults()
			.respond(Call.HISTORY, null, Integer.MAX_VALUE, 200,
					"{\"Id\":null,\"ProgressStatus\":1,\"SubmissionDate\":null,\"Status\":\"Bearbetar\",\"FileWasUploaded\":false}",
					Map.of("Content-Type", "application/json"));
		Path file = TestFiles.xml(this.inbox, "a.xml", 900, null);
		CliResult timedOut = deliver(file, "VINN", "2024-06-30", "V40");
		assertThat(timedOut.exitCode()).as(timedOut.toString()).isEqualTo(1);
		assertThat(timedOut.out()).contains("has not finished processing DeliveryId");
		StoredDelivery stored = onlyDelivery();
		this.scb.faults().clear();
		int fragments = this.scb.fragments().size();

		CliResult resumed = run("restart", String.valueOf(execution(timedOut)));

		assertThat(resumed.exitCode()).as(resumed.toString()).isZero();
		assertThat(this.scb.fragments()).hasSize(fragments);
		assertThat(this.scb.deliveries()).containsExactly(stored);
		assertThat(resumed.out()).contains("DeliveryId   " + stored.deliveryId()).contains("Inläst");
	}

	@Test
	void refusesToResumeAChangedFile() throws IOException {
		this.scb.faults().respond(Call.FRAGMENT, 1, Integer.MAX_VALUE, 500);
		Path file = TestFiles.xml(this.inbox, "a.xml", 2_500, null);
		CliResult failed = deliver(file, "VINN", "2024-06-30", "V40");
		assertThat(failed.exitCode()).isEqualTo(1);
		Files.writeString(file, "<changed/>");
		int fragments = this.scb.fragments().size();

		CliResult restart = run("restart", String.valueOf(execution(failed)));

		assertThat(restart.exitCode()).as(restart.toString()).isEqualTo(2);
		assertThat(restart.err()).contains("has changed since execution " + execution(failed))
			.contains("a changed file is a new delivery");
		assertThat(this.scb.fragments()).hasSize(fragments);
	}

	@Test
	void neverTakesOverAnExecutionWhoseProcessIsAlive() throws Exception {
		Gate gate = this.scb.faults().gate(Call.FRAGMENT, 1);
		Path file = TestFiles.xml(this.inbox, "a.xml", 2_500, null);
		CompletableFuture<CliResult> first = CompletableFuture
			.supplyAsync(() -> deliver(file, "VINN", "2024-06-30", "V40"));
		gate.awaitArrival(Duration.ofSeconds(20));

		CliResult second = deliver(file, "VINN", "2024-06-30", "V40");

		assertThat(second.exitCode()).as(second.toString()).isEqualTo(1);
		Matcher refusal = Pattern
			.compile("is running in [^;]+:\\d+; if that process is gone its lease lapses at "
					+ "((\\d{4}-\\d\\d-\\d\\d )?\\d\\d:\\d\\d:\\d\\d) (\\S+): run again after \\1 \\3\n")
			.matcher(second.err());
		assertThat(refusal.find()).as(second.err()).isTrue();
		// the lease was taken a moment ago: it lapses scb.recovery.stale-after (2m) from
		// then, which the message gives in this machine's local time
		LocalDateTime lapses = (refusal.group(2) != null)
				? LocalDateTime.parse(refusal.group(1), DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm:ss"))
				: LocalDate.now().atTime(LocalTime.parse(refusal.group(1)));
		assertThat(Duration.between(LocalDateTime.now(), lapses)).isBetween(Duration.ofSeconds(60),
				Duration.ofSeconds(125));
		gate.release();
		CliResult finished = first.get(30, TimeUnit.SECONDS);
		assertThat(finished.exitCode()).as(finished.toString()).isZero();
		assertThat(indexes(this.scb.fragments())).containsExactly(0, 1, 2, -1);
	}

	@ParameterizedTest(name = "{0}")
	@MethodSource("hostileHistoryAnswers")
	void aHostileHistoryAnswerEndsResumablyInOneLineAndARestartFinishes(String what, int status, String body,
			Map<String, String> headers, String message) {
		this.scb.faults().respond(Call.HISTORY, null, Integer.MAX_VALUE, status, body, headers);
		Path file = TestFiles.xml(this.inbox, "a.xml", 900, null);

		CliResult failed = deliver(file, "VINN", "2024-06-30", "V40");

		assertThat(failed.exitCode()).as(failed.toString()).isEqualTo(1);
		assertThat(failed.out()).contains("FAILED (exit 1)").contains(message).contains("restart " + execution(failed));
		assertThat(failed.err()).doesNotContain("\tat ").doesNotContain("Exception");
		StoredDelivery stored = onlyDelivery();

		// SCB answers properly again: the same DeliveryId is followed, nothing is
		// uploaded again
		this.scb.faults().clear();
		CliResult resumed = run("restart", String.valueOf(execution(failed)));

		assertThat(resumed.exitCode()).as(resumed.toString()).isZero();
		assertThat(this.scb.deliveries()).containsExactly(stored);
	}

	static Stream<Arguments> hostileHistoryAnswers() {
		Map<String, String> json = Map.of("Content-Type", "application/json");
		return Stream.of(Arguments.of("malformed JSON", 200, "{\"Status\": \"Inl", json, "not JSON"),
				Arguments.of("an HTML page from a proxy", 200, "<html><body><h1>Gateway login</h1></body></html>",
						Map.of("Content-Type", "text/html"), "not JSON"),
				Arguments.of("no Status", 200, "{\"Id\":\"x\",\"ProgressStatus\":3}", json, "no Status"),
				Arguments.of("a redirect", 302, "", Map.of("Location", "https://elsewhere.example/login"),
						"redirecting to https://elsewhere.example/login (not followed)"),
				Arguments.of("an answer larger than the cap", 200, "{\"Status\":\"" + "x".repeat(2_000_000) + "\"}",
						json, "scb.http.max-answer-bytes"));
	}

	@Test
	void aHistoryAnswerThatDoesNotComeEndsResumablyNotInAHang() {
		this.scb.faults().delay(Call.HISTORY, null, 1, java.time.Duration.ofMinutes(10));
		Path file = TestFiles.xml(this.inbox, "a.xml", 900, null);

		CliResult stuck = deliver(file, "VINN", "2024-06-30", "V40");

		// the suite's response timeout (5 s) outlasts its poll timeout (3 s): the
		// delivery fails,
		// resumable, within seconds rather than waiting ten minutes
		assertThat(stuck.exitCode()).as(stuck.toString()).isEqualTo(1);
		assertThat(stuck.out()).contains("has not finished processing DeliveryId")
			.contains("restart " + execution(stuck));
		this.scb.faults().clear();
		CliResult resumed = run("restart", String.valueOf(execution(stuck)));
		assertThat(resumed.exitCode()).as(resumed.toString()).isZero();
		assertThat(this.scb.deliveries()).hasSize(1);
	}

}
