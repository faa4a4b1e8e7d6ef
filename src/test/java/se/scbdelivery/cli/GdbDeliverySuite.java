package se.scbdelivery.cli;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.MethodSource;

import se.scbdelivery.simulator.gdb.ReceivedFragment;
import se.scbdelivery.simulator.gdb.StoredDelivery;
import se.scbdelivery.simulator.server.Faults.Call;
import se.scbdelivery.simulator.server.Gate;
import se.scbdelivery.testsupport.CliResult;
import se.scbdelivery.testsupport.TestFiles;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * GDB end to end, one run each: a file delivered in fragments and followed to SCB's final
 * status, the faults a run rides out by itself (lost answers, 503s, Systemfel), and what
 * it refuses to send. Run on each job repository by {@link DeliveryEndToEndOnH2Test} and
 * {@link DeliveryEndToEndOnPostgresTest}.
 */
abstract class GdbDeliverySuite extends DeliveryEndToEnd {

	@Test
	void deliversAFileInFragmentsWithTheHeartbeatsCookiesAndReportsItLoaded() throws IOException {
		Path file = TestFiles.xml(this.inbox, "vinn.xml", 3_500, null);

		CliResult result = deliver(file, "VINN", "2024-06-30", "V40");

		assertThat(result.exitCode()).as(result.toString()).isZero();
		assertThat(indexes(this.scb.fragments())).containsExactly(0, 1, 2, 3, -1);
		assertThat(this.scb.fragments()).allSatisfy((fragment) -> {
			assertThat(fragment.sessionId()).isNotNull().isEqualTo(this.scb.fragments().get(0).sessionId());
			assertThat(fragment.partFileName()).isEqualTo("vinn.xml");
			assertThat(fragment.version()).isNull();
		});
		assertThat(this.scb.fragments().stream().mapToInt(ReceivedFragment::partBytes)).containsExactly(1000, 1000,
				1000, (int) Files.size(file) - 3000, 0);
		StoredDelivery stored = onlyDelivery();
		assertThat(stored.content()).isEqualTo(Files.readAllBytes(file));
		assertThat(this.scb.historyCalls(stored.deliveryId().value())).isEqualTo(3);
		assertThat(result.out()).contains("LOADED (exit 0)")
			.contains("DeliveryId   " + stored.deliveryId())
			.contains("Inläst (ProgressStatus 3, FileWasUploaded true")
			.contains("in 4 fragments of at most 1,000 bytes")
			.contains("nothing more to do");
		String report = Files.readString(reportOf(result));
		assertThat(report).contains("\"deliveryId\" : \"" + stored.deliveryId() + "\"")
			.contains("\"outcome\" : \"LOADED\"")
			.contains("\"sha256\" : \"" + sha256(file) + "\"")
			.contains("\"status\" : \"Inläst\"");
	}

	@ParameterizedTest
	@CsvSource({ "Ej inläst,3,NOT_LOADED,correct the file and deliver a complete file again",
			"Inläst med fel,4,LOADED_WITH_ERRORS,errors to review in Indataportalen",
			"Arkiverad,3,NOT_LOADED,a status this version does not know ('Arkiverad', ProgressStatus 2)" })
	void mapsEachFinalStatusToItsExitCodeAndSaysWhatToDo(String status, int exitCode, String outcome, String next) {
		Path file = TestFiles.xml(this.inbox, "krita.xml", 800, status);

		CliResult result = deliver(file, "KRITA", "2024-05-31", "KRITA_MONTHLY");

		assertThat(result.exitCode()).as(result.toString()).isEqualTo(exitCode);
		assertThat(result.out()).contains(outcome + " (exit " + exitCode + ")")
			.contains("SCB status   " + status)
			.contains(next);
		assertThat(onlyDelivery().status()).isEqualTo(status);
	}

	@Test
	void uploadsAgainWhenScbAnswersSystemfel() {
		this.scb.faults().finalStatus(1, "Systemfel");
		Path file = TestFiles.xml(this.inbox, "a.xml", 1_500, null);

		CliResult result = deliver(file, "VINN", "2024-06-30", "V40");

		assertThat(result.exitCode()).as(result.toString()).isZero();
		List<StoredDelivery> deliveries = this.scb.deliveries();
		assertThat(deliveries).hasSize(2);
		assertThat(deliveries.get(0).deliveryId()).isNotEqualTo(deliveries.get(1).deliveryId());
		assertThat(deliveries).allSatisfy((delivery) -> assertThat(delivery.content()).isEqualTo(bytes(file)));
		assertThat(this.scb.heartbeatCount()).isEqualTo(2);
		assertThat(result.out()).contains("attempt 1")
			.contains("Systemfel")
			.contains("attempt 2")
			.contains("as " + deliveries.get(1).deliveryId())
			.contains("re-upload 1 of 2");
	}

	@Test
	void failsRestartablyWhenSystemfelOutlastsTheReUploads() {
		this.scb.faults().finalStatus(3, "Systemfel");
		Path file = TestFiles.xml(this.inbox, "a.xml", 900, null);

		CliResult result = deliver(file, "VINN", "2024-06-30", "V40");

		assertThat(result.exitCode()).as(result.toString()).isEqualTo(1);
		assertThat(this.scb.deliveries()).hasSize(3);
		assertThat(result.out()).contains("FAILED (exit 1)")
			.contains("after 3 uploads in this run")
			.contains("restart " + execution(result));
	}

	@Test
	void resendsAFragmentWhoseAnswerWasLost() {
		this.scb.faults().drop(Call.FRAGMENT, 1, 1);
		Path file = TestFiles.xml(this.inbox, "a.xml", 2_500, null);

		CliResult result = deliver(file, "VINN", "2024-06-30", "V40");

		assertThat(result.exitCode()).as(result.toString()).isZero();
		assertThat(indexes(this.scb.fragments())).containsExactly(0, 1, 1, 2, -1);
		assertThat(onlyDelivery().content()).isEqualTo(bytes(file));
	}

	@Test
	void sendsTheFileAgainWhenTheCompletionsAnswerWasLostAndWarnsOfADuplicate() {
		this.scb.faults().drop(Call.COMPLETION, null, 1);
		Path file = TestFiles.xml(this.inbox, "a.xml", 1_500, null);

		CliResult result = deliver(file, "VINN", "2024-06-30", "V40");

		assertThat(result.exitCode()).as(result.toString()).isZero();
		assertThat(indexes(this.scb.fragments())).containsExactly(0, 1, -1, -1, 0, 1, -1);
		assertThat(this.scb.deliveries()).hasSize(2)
			.allSatisfy((delivery) -> assertThat(delivery.content()).isEqualTo(bytes(file)));
		assertThat(result.out()).contains("it may now hold this file twice: check Indataportalen")
			.contains("DeliveryId   " + this.scb.deliveries().get(1).deliveryId());
	}

	@Test
	void retriesServiceUnavailable() {
		this.scb.faults().respond(Call.FRAGMENT, 0, 2, 503);
		this.scb.faults().respond(Call.HEARTBEAT, null, 1, 503);
		Path file = TestFiles.xml(this.inbox, "a.xml", 1_500, null);

		CliResult result = deliver(file, "VINN", "2024-06-30", "V40");

		assertThat(result.exitCode()).as(result.toString()).isZero();
		assertThat(indexes(this.scb.fragments())).containsExactly(0, 0, 0, 1, -1);
		assertThat(this.scb.heartbeatCount()).isEqualTo(2);
	}

	@Test
	void keepsScbsAnswerWhenItRefusesTheFileAtCompletionAndDoesNotRetry() {
		this.scb.faults()
			.respond(Call.COMPLETION, null, 1, 400, "{\"Message\":\"schema error at line 3: unknown element Foo\"}",
					Map.of("Content-Type", "application/json"));
		Path file = TestFiles.xml(this.inbox, "a.xml", 900, null);

		CliResult result = deliver(file, "VINN", "2024-06-30", "V40");

		assertThat(result.exitCode()).as(result.toString()).isEqualTo(3);
		assertThat(indexes(this.scb.fragments())).containsExactly(0, -1);
		assertThat(result.out()).contains("REFUSED (exit 3)")
			.contains("schema error at line 3: unknown element Foo")
			.contains("correct it and deliver a complete file again");
	}

	@Test
	void fileNamesWithSpacesAndSwedishLettersArriveIntact() {
		Path file = TestFiles.xml(this.inbox, "års rapport ä ö.xml", 1_500, null);

		CliResult result = run("deliver", "--file", file.toString(), "--org", "999000-0045", "--program", "VINN",
				"--period", "2024-06-30", "--format", "V40", "--version", "5");

		assertThat(result.exitCode()).as(result.toString()).isZero();
		assertThat(this.scb.fragments()).allSatisfy((fragment) -> {
			assertThat(fragment.fileName()).isEqualTo("års rapport ä ö.xml");
			assertThat(fragment.version()).isEqualTo("5");
		});
		assertThat(onlyDelivery().target().fileName()).isEqualTo("års rapport ä ö.xml");
	}

	@Test
	void aFileRewrittenDuringTheUploadIsNeverCompleted() throws Exception {
		Gate gate = this.scb.faults().gate(Call.FRAGMENT, 1);
		Path file = TestFiles.xml(this.inbox, "a.xml", 2_500, null);
		CompletableFuture<CliResult> delivering = CompletableFuture
			.supplyAsync(() -> deliver(file, "VINN", "2024-06-30", "V40"));
		gate.awaitArrival(java.time.Duration.ofSeconds(20));

		// the producing system rewrites the file while fragment 1 is on its way
		Files.writeString(file, Files.readString(file).replace("Holding", "Innehav"));
		gate.release();
		CliResult result = delivering.get(30, TimeUnit.SECONDS);

		assertThat(result.exitCode()).as(result.toString()).isEqualTo(2);
		assertThat(result.out()).contains("INVALID_INPUT (exit 2)")
			.contains("changed while it was being uploaded")
			.contains("the completing fragment was not sent");
		assertThat(indexes(this.scb.fragments())).doesNotContain(-1);
		assertThat(this.scb.deliveries()).isEmpty();
	}

	@Test
	void aCompletionAnswerWithoutAGuidEndsResumablyInOneLine() {
		this.scb.faults()
			.respond(Call.COMPLETION, null, 1, 200, "{\"DeliveryId\":\"not-a-guid\"}",
					Map.of("Content-Type", "application/json"));
		Path file = TestFiles.xml(this.inbox, "a.xml", 900, null);

		CliResult failed = deliver(file, "VINN", "2024-06-30", "V40");

		assertThat(failed.exitCode()).as(failed.toString()).isEqualTo(1);
		assertThat(failed.out()).contains("the DeliveryId is not a GUID").contains("restart " + execution(failed));
		assertThat(failed.err()).doesNotContain("\tat ");
	}

	@ParameterizedTest(name = "{0}")
	@MethodSource("badInputs")
	void rejectsBadInputWithOneLineAndSendsNothing(String what, List<String> args, String message) throws Exception {
		Files.createDirectories(this.inbox.resolve("folder"));
		Files.createFile(this.inbox.resolve("empty.xml"));
		TestFiles.xml(this.inbox, "good.xml", 500, null);
		long instances = this.jobRepository.getJobInstances("gdbDelivery", 0, 10_000).size();
		String[] command = Stream
			.concat(Stream.of("deliver"), args.stream().map((arg) -> arg.replace("INBOX", this.inbox.toString())))
			.toArray(String[]::new);

		CliResult result = run(command);

		assertThat(result.exitCode()).as(result.toString()).isEqualTo(2);
		assertThat(result.err().lines().findFirst())
			.hasValueSatisfying((line) -> assertThat(line).startsWith("error: ").contains(message));
		assertThat(result.err()).doesNotContain("Exception").doesNotContain("\tat ");
		assertThat(result.out()).isEmpty();
		assertThat(this.scb.heartbeatCount()).isZero();
		assertThat(this.scb.fragments()).isEmpty();
		assertThat(this.jobRepository.getJobInstances("gdbDelivery", 0, 10_000)).hasSize((int) instances);
	}

	static Stream<Arguments> badInputs() {
		List<String> good = List.of("--org", "9990000045", "--program", "VINN", "--period", "2024-06-30", "--format",
				"V40");
		return Stream.of(
				Arguments.of("missing file", with(good, "--file", "INBOX/nope.xml"), "nope.xml does not exist"),
				Arguments.of("empty file", with(good, "--file", "INBOX/empty.xml"), "is empty"),
				Arguments.of("directory", with(good, "--file", "INBOX/folder"), "is not a regular file"),
				Arguments.of("bad organisation number",
						List.of("--file", "INBOX/good.xml", "--org", "9990000046", "--program", "VINN", "--period",
								"2024-06-30", "--format", "V40"),
						"organisation number '9990000046' has a wrong check digit"),
				Arguments.of("unknown program",
						List.of("--file", "INBOX/good.xml", "--org", "9990000045", "--program", "FOO", "--period",
								"2024-06-30", "--format", "V40"),
						"program 'FOO' is not one of VINN, KRITA"),
				Arguments.of("impossible period",
						List.of("--file", "INBOX/good.xml", "--org", "9990000045", "--program", "VINN", "--period",
								"2024-02-30", "--format", "V40"),
						"reference period '2024-02-30' is not a real date"),
				Arguments.of("unsafe format",
						List.of("--file", "INBOX/good.xml", "--org", "9990000045", "--program", "VINN", "--period",
								"2024-06-30", "--format", "../V40"),
						"file format '../V40' must be"),
				Arguments.of("unsafe version", with(good, "--file", "INBOX/good.xml", "--version", "a/b"),
						"version 'a/b' must be"));
	}

	private static List<String> with(List<String> args, String... more) {
		return Stream.concat(args.stream(), Stream.of(more)).toList();
	}

}
