package se.scbdelivery.cli;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.MethodSource;

import org.springframework.batch.core.launch.JobOperator;
import org.springframework.batch.core.repository.JobRepository;
import org.springframework.beans.factory.annotation.Autowired;

import se.scbdelivery.simulator.Faults.Call;
import se.scbdelivery.scb.generic.Ticket;
import se.scbdelivery.simulator.Gate;
import se.scbdelivery.simulator.GenericSubmissionReceived;
import se.scbdelivery.simulator.ReceivedFragment;
import se.scbdelivery.simulator.ScbStandIn;
import se.scbdelivery.simulator.StoredDelivery;
import se.scbdelivery.testsupport.CliResult;
import se.scbdelivery.testsupport.InContextCli;
import se.scbdelivery.testsupport.ProductContextTest;
import se.scbdelivery.testsupport.ProductSettings;
import se.scbdelivery.testsupport.SharedStandIn;
import se.scbdelivery.testsupport.TestFiles;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The delivery job end to end: real commands through the picocli entry point, a real job
 * repository, the real HTTP client, and the stand-in SCB on a local socket. Subclasses pick
 * the job repository (H2 file, PostgreSQL) and register {@link #SETTINGS} with it. Fragments
 * are 1,000 bytes (the standard) so small files make several.
 */
@ProductContextTest
abstract class DeliveryEndToEndSuite {

	/** The standard settings, and where this suite differs. */
	static final ProductSettings SETTINGS = ProductSettings.standard(DeliveryEndToEndSuite.class)
		.standIn(SharedStandIn.get())
		// the fault scripts fail a call twice and let the third attempt through
		.httpMaxAttempts(3)
		// the response timeout outlasts the poll timeout: aHistoryAnswerThatDoesNotComeEndsResumablyNotInAHang
		.pollTimeout("3s")
		.httpResponseTimeout("5s")
		// the Systemfel tests count one upload and two re-uploads
		.systemfelRetries(2);

	static final Path WORK = SETTINGS.work();

	final ScbStandIn scb = SharedStandIn.get();

	@Autowired
	ScbCommandLine commandLine;

	@Autowired
	JobRepository jobRepository;

	@Autowired
	JobOperator jobOperator;

	Path inbox;

	@BeforeEach
	void freshStandIn() throws IOException {
		this.scb.reset();
		this.inbox = Files.createTempDirectory(WORK, "inbox");
	}

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
		assertThat(result.out()).contains(outcome + " (exit " + exitCode + ")").contains("SCB status   " + status).contains(next);
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
		assertThat(result.out()).contains("attempt 1").contains("Systemfel").contains("attempt 2")
			.contains("as " + deliveries.get(1).deliveryId()).contains("re-upload 1 of 2");
	}

	@Test
	void failsRestartablyWhenSystemfelOutlastsTheReUploads() {
		this.scb.faults().finalStatus(3, "Systemfel");
		Path file = TestFiles.xml(this.inbox, "a.xml", 900, null);

		CliResult result = deliver(file, "VINN", "2024-06-30", "V40");

		assertThat(result.exitCode()).as(result.toString()).isEqualTo(1);
		assertThat(this.scb.deliveries()).hasSize(3);
		assertThat(result.out()).contains("FAILED (exit 1)").contains("after 3 uploads in this run")
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
		assertThat(indexes(this.scb.fragments().subList(before, this.scb.fragments().size()))).containsExactly(2, 3,
				4, -1);
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
		assertThat(indexes(this.scb.fragments().subList(before, this.scb.fragments().size()))).containsExactly(1, 2, -1);
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
		assertThat(resumed.out()).contains("SCB refused to continue the partial upload at fragment 2 in the new session (HTTP 409)")
			.contains("sent again from fragment 0");
	}

	@Test
	void deliveringACompletedFileAgainSendsNothingAndReportsTheEarlierOutcome() {
		Path file = TestFiles.xml(this.inbox, "a.xml", 900, "Inläst med fel");
		CliResult first = deliver(file, "KRITA", "2024-06-30", "KRITA_MONTHLY");
		assertThat(first.exitCode()).isEqualTo(4);
		int heartbeats = this.scb.heartbeatCount();
		int fragments = this.scb.fragments().size();

		CliResult again = deliver(file, "KRITA", "2024-06-30", "KRITA_MONTHLY");

		assertThat(again.exitCode()).as(again.toString()).isEqualTo(4);
		assertThat(again.out()).contains("Delivery " + execution(first) + ": LOADED_WITH_ERRORS (exit 4) - delivered earlier; nothing was sent now");
		assertThat(this.scb.heartbeatCount()).isEqualTo(heartbeats);
		assertThat(this.scb.fragments()).hasSize(fragments);
	}

	@Test
	void followsTheSameDeliveryIdAfterAPollTimeoutAndNeverUploadsAgain() {
		this.scb.faults().respond(Call.HISTORY, null, Integer.MAX_VALUE, 200,
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
	void keepsScbsAnswerWhenItRefusesTheFileAtCompletionAndDoesNotRetry() {
		this.scb.faults().respond(Call.COMPLETION, null, 1, 400, "{\"Message\":\"schema error at line 3: unknown element Foo\"}",
				Map.of("Content-Type", "application/json"));
		Path file = TestFiles.xml(this.inbox, "a.xml", 900, null);

		CliResult result = deliver(file, "VINN", "2024-06-30", "V40");

		assertThat(result.exitCode()).as(result.toString()).isEqualTo(3);
		assertThat(indexes(this.scb.fragments())).containsExactly(0, -1);
		assertThat(result.out()).contains("REFUSED (exit 3)").contains("schema error at line 3: unknown element Foo")
			.contains("correct it and deliver a complete file again");
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
		CompletableFuture<CliResult> delivering = CompletableFuture.supplyAsync(() -> deliver(file, "VINN", "2024-06-30", "V40"));
		gate.awaitArrival(java.time.Duration.ofSeconds(20));

		// the producing system rewrites the file while fragment 1 is on its way
		Files.writeString(file, Files.readString(file).replace("Holding", "Innehav"));
		gate.release();
		CliResult result = delivering.get(30, TimeUnit.SECONDS);

		assertThat(result.exitCode()).as(result.toString()).isEqualTo(2);
		assertThat(result.out()).contains("INVALID_INPUT (exit 2)").contains("changed while it was being uploaded")
			.contains("the completing fragment was not sent");
		assertThat(indexes(this.scb.fragments())).doesNotContain(-1);
		assertThat(this.scb.deliveries()).isEmpty();
	}

	@Test
	void neverTakesOverAnExecutionWhoseProcessIsAlive() throws Exception {
		Gate gate = this.scb.faults().gate(Call.FRAGMENT, 1);
		Path file = TestFiles.xml(this.inbox, "a.xml", 2_500, null);
		CompletableFuture<CliResult> first = CompletableFuture.supplyAsync(() -> deliver(file, "VINN", "2024-06-30", "V40"));
		gate.awaitArrival(java.time.Duration.ofSeconds(20));

		CliResult second = deliver(file, "VINN", "2024-06-30", "V40");

		assertThat(second.exitCode()).as(second.toString()).isEqualTo(1);
		assertThat(second.err()).contains("is running in").contains("not taken over while its owner is alive");
		gate.release();
		CliResult finished = first.get(30, TimeUnit.SECONDS);
		assertThat(finished.exitCode()).as(finished.toString()).isZero();
		assertThat(indexes(this.scb.fragments())).containsExactly(0, 1, 2, -1);
	}

	@Test
	void deliversThroughTheGenericServiceWithEveryFieldAndKeepsTheTicket() throws IOException {
		Path file = TestFiles.xml(this.inbox, "lön.csv", 5_000, null);

		CliResult result = run("deliver", "--api", "generic", "--file", file.toString(), "--contract", "Avtal 1",
				"--org", "999000-0045", "--delivery-format-name", "Format1", "--external-version-id", "Ver1", "--test");

		assertThat(result.exitCode()).as(result.toString()).isZero();
		GenericSubmissionReceived submission = onlySubmission();
		assertThat(submission.contract()).isEqualTo("Avtal 1");
		assertThat(submission.orgNr()).isEqualTo("9990000045");
		assertThat(submission.test()).isTrue();
		assertThat(submission.deliveryFormatName()).isEqualTo("Format1");
		assertThat(submission.externalVersionId()).isEqualTo("Ver1");
		assertThat(submission.decodedBytes()).isEqualTo(Files.readAllBytes(file));
		String ticket = submission.ticket().value();
		assertThat(this.scb.statusCalls(ticket)).isEqualTo(3);
		assertThat(this.scb.resultCalls(ticket)).isEqualTo(1);
		assertThat(result.out()).contains("LOADED (exit 0)")
			.contains("ticket       " + ticket)
			.contains("contract Avtal 1  999000-0045  format Format1  version Ver1  TEST delivery")
			.contains("validation   successfulValidation true, 0 errors");
		assertThat(Files.readString(reportOf(result))).contains("\"api\" : \"generic\"")
			.contains("\"ticket\" : \"" + ticket + "\"")
			.contains("\"successfulValidation\" : true");
		assertThat(run("list").out()).contains("ticket " + ticket).contains("successfulValidation true");
	}

	@Test
	void leavesOutOptionalFieldsNotGiven() {
		Path file = TestFiles.xml(this.inbox, "data.csv", 600, null);

		CliResult result = run("deliver", "--api", "generic", "--file", file.toString(), "--contract", "1");

		assertThat(result.exitCode()).as(result.toString()).isZero();
		assertThat(onlySubmission().fields()).containsExactlyInAnyOrder("contract", "fileObject");
	}

	@Test
	void reportsEveryValidationErrorWithItsRowsAndExitsThree() throws IOException {
		Path file = this.inbox.resolve("rader.csv");
		Files.writeString(file, "# scb-simulator:validation=fail\nperiod;orgnr;antal\n2026-10;9990000045;x\n");

		CliResult result = run("deliver", "--api", "generic", "--file", file.toString(), "--contract", "1");

		assertThat(result.exitCode()).as(result.toString()).isEqualTo(3);
		assertThat(result.out()).contains("NOT_LOADED (exit 3)")
			.contains("validation   successfulValidation false, 2 errors")
			.contains("error 1      [BadRequest 500] Not validated: Wrong number of fields")
			.contains("  row        Wrong number of Fields: period;orgnr;antal")
			.contains("Value is not a date")
			.contains("error 2      [BadRequest 510] Not validated: Total does not match")
			.contains("correct the errors listed and deliver the file again");
		assertThat(Files.readString(reportOf(result))).contains("\"rowErrors\"")
			.contains("\"errorDescription\" : \"Wrong number of Fields\"")
			.contains("\"rowData\" : \"period;orgnr;antal\"");
	}

	@Test
	void aTestDeliveryAndARealOneOfTheSameFileAreTwoDeliveries() {
		Path file = TestFiles.xml(this.inbox, "data.csv", 600, null);

		CliResult test = run("deliver", "--api", "generic", "--file", file.toString(), "--contract", "1", "--test");
		CliResult real = run("deliver", "--api", "generic", "--file", file.toString(), "--contract", "1");

		assertThat(test.exitCode()).isZero();
		assertThat(real.exitCode()).as(real.toString()).isZero();
		assertThat(real.out()).doesNotContain("delivered earlier");
		assertThat(this.scb.genericSubmissions()).extracting(GenericSubmissionReceived::test).containsExactly(true, null);
		assertThat(run("deliver", "--api", "generic", "--file", file.toString(), "--contract", "1").out())
			.contains("delivered earlier; nothing was sent now");
		assertThat(this.scb.genericSubmissions()).hasSize(2);
	}

	@Test
	void sendsTheFileAgainWhenThePostsAnswerWasLostAndSaysItMayBeADuplicate() {
		this.scb.faults().drop(Call.SUBMIT, null, 1);
		Path file = TestFiles.xml(this.inbox, "data.csv", 600, null);
		CliResult lost = run("deliver", "--api", "generic", "--file", file.toString(), "--contract", "1");
		assertThat(lost.exitCode()).as(lost.toString()).isEqualTo(1);
		assertThat(this.scb.genericSubmissions()).hasSize(1);

		CliResult resent = run("restart", String.valueOf(execution(lost)));

		assertThat(resent.exitCode()).as(resent.toString()).isZero();
		assertThat(this.scb.genericSubmissions()).hasSize(2)
			.allSatisfy((submission) -> assertThat(submission.ticket()).isNotNull());
		assertThat(resent.out()).contains("got no ticket back: SCB may have received it, so it may hold this file twice")
			.contains("ticket       " + this.scb.genericSubmissions().get(1).ticket());
	}

	@Test
	void followsTheSavedTicketAfterAFailureAndNeverPostsAgain() {
		this.scb.faults().respond(Call.STATUS, null, Integer.MAX_VALUE, 500);
		Path file = TestFiles.xml(this.inbox, "data.csv", 600, null);
		CliResult failed = run("deliver", "--api", "generic", "--file", file.toString(), "--contract", "1");
		assertThat(failed.exitCode()).as(failed.toString()).isEqualTo(1);
		Ticket ticket = onlySubmission().ticket();
		assertThat(failed.out()).contains("ticket       " + ticket);
		this.scb.faults().clear();

		CliResult resumed = run("restart", String.valueOf(execution(failed)));

		assertThat(resumed.exitCode()).as(resumed.toString()).isZero();
		assertThat(onlySubmission().ticket()).isEqualTo(ticket);
		assertThat(resumed.out()).contains("ticket       " + ticket).contains("successfulValidation true");
	}

	@Test
	void retriesTheGenericServicesTransientFaults() {
		this.scb.faults().respond(Call.SUBMIT, null, 2, 503);
		this.scb.faults().respond(Call.STATUS, null, 1, 502);
		this.scb.faults().respond(Call.RESULT, null, 1, 500);
		Path file = TestFiles.xml(this.inbox, "data.csv", 600, null);

		CliResult result = run("deliver", "--api", "generic", "--file", file.toString(), "--contract", "1");

		assertThat(result.exitCode()).as(result.toString()).isZero();
		assertThat(this.scb.genericSubmissions().stream().filter((submission) -> submission.ticket() != null))
			.hasSize(1);
	}

	@ParameterizedTest(name = "{0}")
	@CsvSource(delimiter = '|', value = { "no contract|--org 9990000045|Missing required option for --api generic: --contract",
			"a GDB option|--contract 1 --program VINN|--program cannot be used with --api generic",
			"a bad organisation number|--contract 1 --org 9990000046|has a wrong check digit",
			"a generic option with GDB|--api gdb --org 9990000045 --program VINN --period 2024-06-30 --format V40 --contract 1|--contract cannot be used with --api gdb" })
	void rejectsBadGenericInputAndSendsNothing(String what, String options, String message) {
		Path file = TestFiles.xml(this.inbox, "data.csv", 600, null);
		List<String> args = new java.util.ArrayList<>(List.of("deliver", "--file", file.toString()));
		if (!options.startsWith("--api")) {
			args.addAll(List.of("--api", "generic"));
		}
		args.addAll(List.of(options.split(" ")));

		CliResult result = run(args.toArray(String[]::new));

		assertThat(result.exitCode()).as(result.toString()).isEqualTo(2);
		assertThat(result.err()).contains(message).doesNotContain("\tat ");
		assertThat(this.scb.genericHeartbeatCount()).isZero();
		assertThat(this.scb.genericSubmissions()).isEmpty();
	}

	GenericSubmissionReceived onlySubmission() {
		assertThat(this.scb.genericSubmissions()).hasSize(1);
		return this.scb.genericSubmissions().get(0);
	}

	@Test
	void scansAnInboxNAtATimeAndSummarisesEveryFile() throws IOException {
		Path vinn = TestFiles.xml(this.inbox.resolve("999000-0045/VINN/2026-09-30/V40"), "v.xml", 2_500, null);
		Path krita = TestFiles.xml(this.inbox.resolve("9990000052/KRITA/2026-10-31/KRITA_MONTHLY/3"), "k.xml", 900,
				"Inläst med fel");
		Path rejected = TestFiles.xml(this.inbox.resolve("9990000136/VINN/2026-09-30/V40"), "r.xml", 900, "Ej inläst");
		TestFiles.xml(this.inbox.resolve("999000-0046/VINN/2026-09-30/V40"), "bad-org.xml", 500, null);
		TestFiles.xml(this.inbox.resolve("999000-0045/VINN/2026-09-30/V40"), "still.xml.part", 500, null);
		TestFiles.xml(this.inbox.resolve(".done/999000-0045/VINN/2026-09-30/V40"), "old.xml", 500, null);

		CliResult scan = run("scan", this.inbox.toString(), "--concurrency", "3");

		// a rejection outranks loaded-with-errors and invalid input
		assertThat(scan.exitCode()).as(scan.toString()).isEqualTo(3);
		assertThat(this.scb.deliveries()).hasSize(3);
		assertThat(this.scb.deliveries()).extracting(StoredDelivery::content)
			.containsExactlyInAnyOrder(bytes(vinn), bytes(krita), bytes(rejected));
		assertThat(scan.out()).contains("LOADED").contains("LOADED_WITH_ERRORS").contains("NOT_LOADED")
			.contains("INVALID_INPUT").contains("SKIPPED").contains("bad-org.xml").doesNotContain("old.xml");
		List<Path> written = scan.out().lines().filter((line) -> line.startsWith("summary      "))
			.map((line) -> Path.of(line.substring(13).trim())).toList();
		assertThat(written).extracting((path) -> path.getFileName().toString().replaceAll(".*\\.", ""))
			.containsExactlyInAnyOrder("json", "csv", "html");
		String json = Files.readString(written.stream().filter((path) -> path.toString().endsWith(".json")).findFirst().orElseThrow());
		assertThat(json).contains("v.xml").contains("k.xml").contains("r.xml").contains("bad-org.xml")
			.contains("still.xml.part").contains("Inläst med fel");
	}

	@Test
	void aSecondScanSendsNothingAgainAndResumesWhatFailed() {
		Path small = TestFiles.xml(this.inbox.resolve("999000-0045/VINN/2026-09-30/V40"), "small.xml", 900, null);
		Path large = TestFiles.xml(this.inbox.resolve("9990000052/VINN/2026-09-30/V40"), "large.xml", 2_500, null);
		this.scb.faults().respond(Call.FRAGMENT, 1, Integer.MAX_VALUE, 500);
		CliResult first = run("scan", this.inbox.toString());
		assertThat(first.exitCode()).as(first.toString()).isEqualTo(1);
		assertThat(this.scb.deliveries()).extracting(StoredDelivery::content).containsExactly(bytes(small));
		this.scb.faults().clear();
		int before = this.scb.fragments().size();

		CliResult second = run("scan", this.inbox.toString());

		assertThat(second.exitCode()).as(second.toString()).isZero();
		assertThat(indexes(this.scb.fragments().subList(before, this.scb.fragments().size()))).containsExactly(1, 2, -1);
		assertThat(this.scb.deliveries()).extracting(StoredDelivery::content).containsExactly(bytes(small), bytes(large));
		assertThat(second.out()).contains("delivered earlier");
	}

	@Test
	void restartFailedResumesFailedAndStoppedDeliveriesButNotRejectedOnes() throws Exception {
		// a delivery that fails technically
		this.scb.faults().respond(Call.FRAGMENT, 2, Integer.MAX_VALUE, 503);
		Path failing = TestFiles.xml(this.inbox, "failing.xml", 3_500, null);
		assertThat(deliver(failing, "VINN", "2024-06-30", "V40").exitCode()).isEqualTo(1);
		this.scb.faults().clear();
		// a delivery SCB refused at completion: resuming it would get the same answer
		this.scb.faults().respond(Call.COMPLETION, null, 1, 400, "{\"Message\":\"schema error\"}", Map.of());
		assertThat(deliver(TestFiles.xml(this.inbox, "refused.xml", 500, null), "VINN", "2024-06-30", "V40").exitCode())
			.isEqualTo(3);
		// a delivery stopped by an operator while SCB held its fragment 1
		Gate gate = this.scb.faults().gate(Call.FRAGMENT, 1);
		Path stopping = TestFiles.xml(this.inbox, "stopping.xml", 2_500, null);
		CompletableFuture<CliResult> running = CompletableFuture.supplyAsync(() -> deliver(stopping, "KRITA", "2024-06-30", "K"));
		gate.awaitArrival(java.time.Duration.ofSeconds(20));
		this.jobOperator.stop(this.jobRepository.findRunningJobExecutions("gdbDelivery").iterator().next());
		gate.release();
		CliResult stopped = running.get(30, TimeUnit.SECONDS);
		assertThat(stopped.out()).as(stopped.toString()).contains("STOPPED (exit 1)");
		int deliveries = this.scb.deliveries().size();

		CliResult restart = run("restart", "--failed", "--concurrency", "2");

		assertThat(restart.exitCode()).as(restart.toString()).isZero();
		assertThat(this.scb.deliveries().subList(deliveries, this.scb.deliveries().size()))
			.extracting(StoredDelivery::content)
			.containsExactlyInAnyOrder(bytes(failing), bytes(stopping));
		assertThat(restart.out()).contains("failing.xml").contains("stopping.xml").doesNotContain("refused.xml");
		assertThat(run("restart", "--failed").out()).doesNotContain("failing.xml").doesNotContain("stopping.xml");
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

		// SCB answers properly again: the same DeliveryId is followed, nothing is uploaded again
		this.scb.faults().clear();
		CliResult resumed = run("restart", String.valueOf(execution(failed)));

		assertThat(resumed.exitCode()).as(resumed.toString()).isZero();
		assertThat(this.scb.deliveries()).containsExactly(stored);
	}

	static Stream<Arguments> hostileHistoryAnswers() {
		Map<String, String> json = Map.of("Content-Type", "application/json");
		return Stream.of(
				Arguments.of("malformed JSON", 200, "{\"Status\": \"Inl", json, "not JSON"),
				Arguments.of("an HTML page from a proxy", 200, "<html><body><h1>Gateway login</h1></body></html>",
						Map.of("Content-Type", "text/html"), "not JSON"),
				Arguments.of("no Status", 200, "{\"Id\":\"x\",\"ProgressStatus\":3}", json, "no Status"),
				Arguments.of("a redirect", 302, "", Map.of("Location", "https://elsewhere.example/login"),
						"redirecting to https://elsewhere.example/login (not followed)"),
				Arguments.of("an answer larger than the cap", 200, "{\"Status\":\"" + "x".repeat(2_000_000) + "\"}", json,
						"scb.http.max-answer-bytes"));
	}

	@Test
	void aGenericStatusEndpointAnsweringNeither202Nor302EndsResumablyAndFollowsTheSameTicketLater() {
		this.scb.faults().respond(Call.STATUS, null, Integer.MAX_VALUE, 200, "<html>maintenance</html>",
				Map.of("Content-Type", "text/html"));
		Path file = TestFiles.xml(this.inbox, "data.csv", 600, null);

		CliResult failed = run("deliver", "--api", "generic", "--file", file.toString(), "--contract", "1");

		assertThat(failed.exitCode()).as(failed.toString()).isEqualTo(1);
		assertThat(failed.out()).contains("FAILED (exit 1)").contains("HTTP 200");
		this.scb.faults().clear();
		assertThat(run("restart", String.valueOf(execution(failed))).exitCode()).isZero();
		assertThat(onlySubmission().ticket()).isNotNull();
	}

	@Test
	void aGenericSubmitAnsweredWithAProxysHtmlPageEndsResumablyAndWarnsWhenSentAgain() {
		this.scb.faults().respond(Call.SUBMIT, null, 1, 200, "<html><body>Please log in</body></html>",
				Map.of("Content-Type", "text/html"));
		Path file = TestFiles.xml(this.inbox, "data.csv", 600, null);

		CliResult failed = run("deliver", "--api", "generic", "--file", file.toString(), "--contract", "1");

		assertThat(failed.exitCode()).as(failed.toString()).isEqualTo(1);
		assertThat(failed.out()).contains("FAILED (exit 1)").contains("Please log in");
		CliResult resent = run("restart", String.valueOf(execution(failed)));
		assertThat(resent.exitCode()).as(resent.toString()).isZero();
		assertThat(resent.out()).contains("may hold this file twice");
	}

	@Test
	void aCompletionAnswerWithoutAGuidEndsResumablyInOneLine() {
		this.scb.faults().respond(Call.COMPLETION, null, 1, 200, "{\"DeliveryId\":\"not-a-guid\"}",
				Map.of("Content-Type", "application/json"));
		Path file = TestFiles.xml(this.inbox, "a.xml", 900, null);

		CliResult failed = deliver(file, "VINN", "2024-06-30", "V40");

		assertThat(failed.exitCode()).as(failed.toString()).isEqualTo(1);
		assertThat(failed.out()).contains("the DeliveryId is not a GUID").contains("restart " + execution(failed));
		assertThat(failed.err()).doesNotContain("\tat ");
	}

	@Test
	void aHistoryAnswerThatDoesNotComeEndsResumablyNotInAHang() {
		this.scb.faults().delay(Call.HISTORY, null, 1, java.time.Duration.ofMinutes(10));
		Path file = TestFiles.xml(this.inbox, "a.xml", 900, null);

		CliResult stuck = deliver(file, "VINN", "2024-06-30", "V40");

		// the suite's response timeout (5 s) outlasts its poll timeout (3 s): the delivery fails,
		// resumable, within seconds rather than waiting ten minutes
		assertThat(stuck.exitCode()).as(stuck.toString()).isEqualTo(1);
		assertThat(stuck.out()).contains("has not finished processing DeliveryId").contains("restart " + execution(stuck));
		this.scb.faults().clear();
		CliResult resumed = run("restart", String.valueOf(execution(stuck)));
		assertThat(resumed.exitCode()).as(resumed.toString()).isZero();
		assertThat(this.scb.deliveries()).hasSize(1);
	}

	@ParameterizedTest(name = "{0}")
	@MethodSource("badInputs")
	void rejectsBadInputWithOneLineAndSendsNothing(String what, List<String> args, String message) throws Exception {
		Files.createDirectories(this.inbox.resolve("folder"));
		Files.createFile(this.inbox.resolve("empty.xml"));
		TestFiles.xml(this.inbox, "good.xml", 500, null);
		long instances = this.jobRepository.getJobInstances("gdbDelivery", 0, 10_000).size();
		String[] command = Stream.concat(Stream.of("deliver"),
				args.stream().map((arg) -> arg.replace("INBOX", this.inbox.toString())))
			.toArray(String[]::new);

		CliResult result = run(command);

		assertThat(result.exitCode()).as(result.toString()).isEqualTo(2);
		assertThat(result.err().lines().findFirst()).hasValueSatisfying((line) -> assertThat(line).startsWith("error: ").contains(message));
		assertThat(result.err()).doesNotContain("Exception").doesNotContain("\tat ");
		assertThat(result.out()).isEmpty();
		assertThat(this.scb.heartbeatCount()).isZero();
		assertThat(this.scb.fragments()).isEmpty();
		assertThat(this.jobRepository.getJobInstances("gdbDelivery", 0, 10_000)).hasSize((int) instances);
	}

	static Stream<Arguments> badInputs() {
		List<String> good = List.of("--org", "9990000045", "--program", "VINN", "--period", "2024-06-30", "--format", "V40");
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
				Arguments.of("unsafe version", with(good, "--file", "INBOX/good.xml", "--version", "a/b"), "version 'a/b' must be"));
	}

	private static List<String> with(List<String> args, String... more) {
		return Stream.concat(args.stream(), Stream.of(more)).toList();
	}

	CliResult deliver(Path file, String program, String period, String format) {
		return run("deliver", "--file", file.toString(), "--org", "999000-0045", "--program", program, "--period",
				period, "--format", format);
	}

	CliResult run(String... args) {
		return InContextCli.run(this.commandLine, args);
	}

	StoredDelivery onlyDelivery() {
		assertThat(this.scb.deliveries()).hasSize(1);
		return this.scb.deliveries().get(0);
	}

	static List<Integer> indexes(List<ReceivedFragment> fragments) {
		return fragments.stream().map(ReceivedFragment::index).toList();
	}

	static long execution(CliResult result) {
		return result.execution();
	}

	static Path reportOf(CliResult result) throws IOException {
		long execution = execution(result);
		try (Stream<Path> reports = Files.list(SETTINGS.reportDir())) {
			return reports.filter((path) -> path.getFileName().toString().startsWith("delivery-" + execution + "-"))
				.findFirst()
				.orElseThrow();
		}
	}

	static byte[] bytes(Path file) {
		try {
			return Files.readAllBytes(file);
		}
		catch (IOException ex) {
			throw new java.io.UncheckedIOException(ex);
		}
	}

	static String sha256(Path file) {
		try {
			return java.util.HexFormat.of()
				.formatHex(java.security.MessageDigest.getInstance("SHA-256").digest(Files.readAllBytes(file)));
		}
		catch (Exception ex) {
			throw new IllegalStateException(ex);
		}
	}

}
