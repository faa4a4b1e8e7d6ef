package se.scbdelivery.cli;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import se.scbdelivery.scb.generic.Ticket;
import se.scbdelivery.simulator.generic.GenericSubmissionReceived;
import se.scbdelivery.simulator.server.Faults.Call;
import se.scbdelivery.testsupport.CliResult;
import se.scbdelivery.testsupport.TestFiles;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The generic delivery service end to end: every field of the POST, the ticket followed
 * to the validation result, the faults a run rides out, a lost or strange answer and the
 * restart after it, and the input refused before anything is sent. Run on each job
 * repository by {@link DeliveryEndToEndOnH2Test} and
 * {@link DeliveryEndToEndOnPostgresTest}.
 */
abstract class GenericDeliverySuite extends DeliveryEndToEnd {

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
		assertThat(resent.out())
			.contains("got no ticket back: SCB may have received it, so it may hold this file twice")
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
	@CsvSource(delimiter = '|', value = {
			"no contract|--org 9990000045|Missing required option for --api generic: --contract",
			"a GDB option|--contract 1 --program VINN|--program cannot be used with --api generic",
			"a bad organisation number|--contract 1 --org 9990000046|has a wrong check digit",
			"a generic option with GDB|--api gdb --org 9990000045 --program VINN --period 2024-06-30 --format V40"
					+ " --contract 1|--contract cannot be used with --api gdb" })
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
	void aGenericStatusEndpointAnsweringNeither202Nor302EndsResumablyAndFollowsTheSameTicketLater() {
		this.scb.faults()
			.respond(Call.STATUS, null, Integer.MAX_VALUE, 200, "<html>maintenance</html>",
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
		this.scb.faults()
			.respond(Call.SUBMIT, null, 1, 200, "<html><body>Please log in</body></html>",
					Map.of("Content-Type", "text/html"));
		Path file = TestFiles.xml(this.inbox, "data.csv", 600, null);

		CliResult failed = run("deliver", "--api", "generic", "--file", file.toString(), "--contract", "1");

		assertThat(failed.exitCode()).as(failed.toString()).isEqualTo(1);
		assertThat(failed.out()).contains("FAILED (exit 1)").contains("Please log in");
		CliResult resent = run("restart", String.valueOf(execution(failed)));
		assertThat(resent.exitCode()).as(resent.toString()).isZero();
		assertThat(resent.out()).contains("may hold this file twice");
	}

}
