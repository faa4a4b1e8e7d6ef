package se.scbdelivery.simulator.gdb;

import java.io.IOException;
import java.net.http.HttpRequest.BodyPublishers;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.Arrays;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.UUID;
import java.util.stream.Collectors;
import java.util.stream.Stream;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import tools.jackson.databind.JsonNode;

import se.scbdelivery.scb.OrganisationNumber;
import se.scbdelivery.scb.StatisticalProgram;
import se.scbdelivery.simulator.ScbStandIn;
import se.scbdelivery.simulator.StandInOptions;
import se.scbdelivery.simulator.server.Faults;
import se.scbdelivery.simulator.server.ReceivedFile;
import se.scbdelivery.testsupport.StandInPerTest;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.tuple;
import static se.scbdelivery.simulator.gdb.GdbTestClient.TARGET;
import static se.scbdelivery.simulator.server.HttpResponses.expect;
import static se.scbdelivery.simulator.server.HttpResponses.json;
import static se.scbdelivery.simulator.server.HttpResponses.message;

/**
 * The stand-in speaks SCB's GDB M2M v2 protocol (PROTOCOL.md §1), driven by the JDK's
 * HTTP client.
 */
class ScbStandInGdbTest {

	@RegisterExtension
	final StandInPerTest standIns = new StandInPerTest();

	private ScbStandIn standIn;

	private GdbTestClient client;

	private void start(StandInOptions options) {
		this.standIn = this.standIns.start(options);
		this.client = new GdbTestClient(this.standIn.gdbBaseUrl());
	}

	@Test
	void heartbeatAnswersTheTimeAndSetsBothSessionCookies() throws Exception {
		start(StandInOptions.defaults());

		HttpResponse<String> response = this.client.heartbeat();

		assertThat(response.statusCode()).isEqualTo(200);
		assertThat(Instant.parse(json(response).asString())).isBetween(Instant.now().minusSeconds(60), Instant.now());
		assertThat(response.headers().allValues("Set-Cookie")).satisfiesExactlyInAnyOrder(
				(cookie) -> assertThat(cookie).matches("JSESSIONID=[0-9A-F]{32}; Path=/; HttpOnly"),
				(cookie) -> assertThat(cookie).matches("BIGipServerm2m=[0-9A-F]{32}; Path=/"));
		assertThat(this.standIn.heartbeatCount()).isEqualTo(1);
		assertThat(this.standIn.gdbBaseUrl().toString())
			.isEqualTo("http://127.0.0.1:" + this.standIn.port() + "/m2m/v2/");
	}

	@Test
	void uploadWithoutHeartbeatCookiesIsUnauthorized() throws Exception {
		start(StandInOptions.defaults());

		HttpResponse<String> response = this.client.fragment(0, Reports.report(3));

		assertThat(response.statusCode()).isEqualTo(401);
		assertThat(message(response)).contains("JSESSIONID", "heartbeat");
		assertThat(this.standIn.fragments()).singleElement().satisfies((fragment) -> {
			assertThat(fragment.sessionId()).isNull();
			assertThat(fragment.status()).isEqualTo(401);
		});
	}

	@Test
	void fragmentsAreAssembledInOrderIntoExactlyTheOriginalBytes() throws Exception {
		start(StandInOptions.defaults());
		byte[] file = Reports.report(300);
		int third = file.length / 3 + 1;

		String deliveryId = this.client.deliver(file, third);

		assertThat(UUID.fromString(deliveryId).toString()).isEqualTo(deliveryId);
		assertThat(this.standIn.fragments()).extracting(ReceivedFragment::index, ReceivedFragment::status)
			.containsExactly(tuple(0, 200), tuple(1, 200), tuple(2, 200), tuple(-1, 200));
		assertThat(this.standIn.fragments()).extracting(ReceivedFragment::partBytes)
			.containsExactly(third, third, file.length - 2 * third, 0);
		assertThat(this.standIn.deliveries()).singleElement().satisfies((delivery) -> {
			assertThat(delivery.deliveryId().value()).isEqualTo(deliveryId);
			assertThat(delivery.content()).isEqualTo(file);
			assertThat(delivery.target().organisation()).isEqualTo(new OrganisationNumber("9990000045"));
			assertThat(delivery.target().program()).isEqualTo(StatisticalProgram.VINN);
			assertThat(delivery.target().referencePeriod()).hasToString("2026-09-30");
			assertThat(delivery.target().fileFormat()).isEqualTo("V40");
			assertThat(delivery.target().fileName()).isEqualTo("rapport.xml");
			assertThat(delivery.target().version()).isNull();
		});
	}

	@Test
	void chunkedFragmentIsAcceptedWithAllItsBytes() throws Exception {
		start(StandInOptions.defaults());
		byte[] file = Reports.report(50);
		expect(200, this.client.heartbeat());

		HttpResponse<String> response = this.client.send(this.client.post("file/0/" + TARGET,
				"multipart/form-data; boundary=" + GdbTestClient.BOUNDARY,
				GdbTestClient.chunked(GdbTestClient.multipart("File", "rapport.xml", file)), Duration.ofSeconds(10)));

		assertThat(response.statusCode()).isEqualTo(200);
		assertThat(json(response).get("Fragment").asInt()).isZero();
		expect(200, this.client.fragment(-1, new byte[0]));
		assertThat(this.standIn.deliveries().get(0).content()).isEqualTo(file);
	}

	@Test
	void historyAnswersBearbetarForTheConfiguredPollsThenInlast() throws Exception {
		start(StandInOptions.defaults().withPollsBeforeFinal(2));
		String deliveryId = this.client.deliver(Reports.report(5), 1000);

		List<JsonNode> answers = List.of(history(deliveryId), history(deliveryId), history(deliveryId),
				history(deliveryId));

		assertThat(answers).extracting((entry) -> entry.get("Status").asString())
			.containsExactly("Bearbetar", "Bearbetar", "Inläst", "Inläst");
		assertThat(answers).extracting((entry) -> entry.get("ProgressStatus").asInt()).containsExactly(1, 1, 3, 3);
		assertThat(answers).extracting((entry) -> entry.get("FileWasUploaded").asBoolean())
			.containsExactly(false, false, true, true);
		assertThat(answers.get(0).get("Id").asString()).isEqualTo(deliveryId);
		assertThat(answers.get(0).get("SubmissionDate").asString())
			.matches("\\d{4}-\\d{2}-\\d{2} \\d{2}:\\d{2}:\\d{2}");
		assertThat(this.standIn.historyCalls(deliveryId)).isEqualTo(4);
	}

	@ParameterizedTest
	@CsvSource(delimiter = '|', textBlock = """
			Inläst         |   | 3 | true
			Inläst med fel |   | 2 | true
			Ej inläst      |   | 2 | false
			Systemfel      |   | 2 | false
			Arkiverad      |   | 2 | false
			Arkiverad      | 3 | 3 | false
			""")
	void processingInstructionChoosesTheFinalStatus(String outcome, Integer progress, int progressStatus,
			boolean fileWasUploaded) throws Exception {
		start(StandInOptions.defaults().withPollsBeforeFinal(0));
		String instruction = (progress != null) ? outcome + "\" progress=\"" + progress : outcome;

		JsonNode entry = history(this.client.deliver(Reports.report(instruction, 10), 500));

		assertThat(entry.get("Status").asString()).isEqualTo(outcome);
		assertThat(entry.get("ProgressStatus").asInt()).isEqualTo(progressStatus);
		assertThat(entry.get("FileWasUploaded").asBoolean()).isEqualTo(fileWasUploaded);
		assertThat(this.standIn.deliveries().get(0).status()).isEqualTo(outcome);
	}

	@Test
	void historyOfAnUnknownDeliveryIsNotFound() throws Exception {
		start(StandInOptions.defaults());

		HttpResponse<String> unknown = this.client.get("history/" + UUID.randomUUID());
		HttpResponse<String> notAGuid = this.client.get("history/nonsense");

		assertThat(unknown.statusCode()).isEqualTo(404);
		assertThat(message(unknown)).startsWith("no delivery has DeliveryId");
		assertThat(notAGuid.statusCode()).isEqualTo(404);
	}

	@Test
	void unknownPathsAreNotFound() throws Exception {
		start(StandInOptions.defaults());

		assertThat(this.client.get("files").statusCode()).isEqualTo(404);
		assertThat(this.client.get("file/0/" + TARGET).statusCode()).isEqualTo(404);
		assertThat(message(this.client.get("heartbeats"))).startsWith("no such resource: GET /m2m/v2/heartbeats");
	}

	@Test
	void fragmentLeavingAGapIsAConflictNamingTheExpectedIndex() throws Exception {
		start(StandInOptions.defaults());
		expect(200, this.client.heartbeat());
		expect(200, this.client.fragment(0, bytes("a")));
		expect(200, this.client.fragment(1, bytes("b")));

		HttpResponse<String> response = this.client.fragment(3, bytes("d"));

		assertThat(response.statusCode()).isEqualTo(409);
		assertThat(message(response)).contains("the next is 2");
	}

	@Test
	void fragmentAfterZeroWithoutAnUploadInProgressIsAConflict() throws Exception {
		start(StandInOptions.defaults());
		expect(200, this.client.heartbeat());

		HttpResponse<String> response = this.client.fragment(1, bytes("b"));

		assertThat(response.statusCode()).isEqualTo(409);
		assertThat(message(response))
			.isEqualTo("no upload in progress for this file in this session; start at fragment 0");
	}

	@Test
	void uploadResumesInANewSessionWhenPartialUploadsSurviveIt() throws Exception {
		start(StandInOptions.defaults().withPartialUploadsSurviveNewSession(true));
		byte[] file = Reports.report(40);
		int half = file.length / 2;
		expect(200, this.client.heartbeat());
		expect(200, this.client.fragment(0, Arrays.copyOfRange(file, 0, half)));

		GdbTestClient resumed = new GdbTestClient(this.standIn.gdbBaseUrl());
		expect(200, resumed.heartbeat());
		HttpResponse<String> response = resumed.fragment(1, Arrays.copyOfRange(file, half, file.length));

		assertThat(response.statusCode()).isEqualTo(200);
		expect(200, resumed.fragment(-1, new byte[0]));
		assertThat(this.standIn.deliveries().get(0).content()).isEqualTo(file);
		List<ReceivedFragment> fragments = this.standIn.fragments();
		assertThat(fragments.get(0).sessionId()).isNotNull().isNotEqualTo(fragments.get(1).sessionId());
	}

	@Test
	void uploadCannotResumeInANewSessionWhenPartialUploadsAreKeptPerSession() throws Exception {
		start(StandInOptions.defaults().withPartialUploadsSurviveNewSession(false));
		expect(200, this.client.heartbeat());
		expect(200, this.client.fragment(0, bytes("<a>")));

		GdbTestClient resumed = new GdbTestClient(this.standIn.gdbBaseUrl());
		expect(200, resumed.heartbeat());
		HttpResponse<String> response = resumed.fragment(1, bytes("</a>"));

		assertThat(response.statusCode()).isEqualTo(409);
		assertThat(message(response)).contains("start at fragment 0");
		assertThat(this.client.fragment(1, bytes("</a>")).statusCode()).isEqualTo(200);
	}

	@Test
	void uploadCannotResumeAfterTheStandInForgetsPartialUploads() throws Exception {
		start(StandInOptions.defaults());
		expect(200, this.client.heartbeat());
		expect(200, this.client.fragment(0, bytes("<a>")));

		this.standIn.faults().forgetPartialUploads();
		HttpResponse<String> response = this.client.fragment(1, bytes("</a>"));

		assertThat(response.statusCode()).isEqualTo(409);
		assertThat(message(response)).contains("start at fragment 0");
	}

	@Test
	void resentFragmentReplacesTheEarlierCopy() throws Exception {
		start(StandInOptions.defaults());
		expect(200, this.client.heartbeat());
		expect(200, this.client.fragment(0, bytes("<a>")));
		expect(200, this.client.fragment(1, bytes("wrong")));
		expect(200, this.client.fragment(0, bytes("<b>")));

		expect(200, this.client.fragment(1, bytes("right</b>")));
		expect(200, this.client.fragment(-1, new byte[0]));

		assertThat(this.standIn.deliveries().get(0).content()).isEqualTo(bytes("<b>right</b>"));
	}

	@Test
	void partLargerThanTheFragmentLimitIsTooLarge() throws Exception {
		start(StandInOptions.defaults().withMaxFragmentSize(1000));
		expect(200, this.client.heartbeat());

		HttpResponse<String> over = this.client.fragment(0, new byte[1001]);
		HttpResponse<String> farOver = this.client.fragment(0, new byte[1000 + 70 * 1024]);
		HttpResponse<String> atLimit = this.client.fragment(0, new byte[1000]);

		assertThat(over.statusCode()).isEqualTo(413);
		assertThat(message(over)).isEqualTo("fragment 0 has 1001 bytes; the largest fragment is 1000 bytes");
		assertThat(farOver.statusCode()).isEqualTo(413);
		assertThat(atLimit.statusCode()).isEqualTo(200);
	}

	@Test
	void bodyWithoutAFilePartIsABadRequest() throws Exception {
		start(StandInOptions.defaults());
		expect(200, this.client.heartbeat());

		HttpResponse<String> wrongName = this.client
			.send(this.client.post("file/0/" + TARGET, "multipart/form-data; boundary=" + GdbTestClient.BOUNDARY,
					BodyPublishers.ofByteArray(GdbTestClient.multipart("file", "rapport.xml", bytes("<a/>"))),
					Duration.ofSeconds(10)));
		HttpResponse<String> notMultipart = this.client.send(this.client.post("file/0/" + TARGET,
				"application/octet-stream", BodyPublishers.ofByteArray(bytes("<a/>")), Duration.ofSeconds(10)));
		HttpResponse<String> noBoundary = this.client.send(this.client.post("file/0/" + TARGET, "multipart/form-data",
				BodyPublishers.ofByteArray(GdbTestClient.multipart("File", "rapport.xml", bytes("<a/>"))),
				Duration.ofSeconds(10)));

		assertThat(wrongName.statusCode()).isEqualTo(400);
		assertThat(message(wrongName)).contains("exactly one part named 'File'", "[file]");
		assertThat(notMultipart.statusCode()).isEqualTo(400);
		assertThat(message(notMultipart)).contains("only multipart/form-data is accepted");
		assertThat(noBoundary.statusCode()).isEqualTo(400);
		assertThat(message(noBoundary)).contains("no boundary");
		assertThat(this.standIn.fragments()).extracting(ReceivedFragment::partBytes).containsExactly(-1, -1, -1);
	}

	@ParameterizedTest
	@CsvSource(delimiter = '|', textBlock = """
			9990000046/VINN/2026-09-30/V40  | wrong check digit
			999000004/VINN/2026-09-30/V40   | must be ten digits
			9990000045/VIN/2026-09-30/V40   | is not VINN or KRITA
			9990000045/vinn/2026-09-30/V40  | is not VINN or KRITA
			9990000045/KRITA/2026-02-30/V40 | is not a date YYYY-MM-DD
			9990000045/KRITA/2026-9-30/V40  | is not a date YYYY-MM-DD
			9990000045/KRITA/2026-09-30/    | file format is empty
			""")
	void invalidTargetIsABadRequest(String target, String problem) throws Exception {
		start(StandInOptions.defaults());
		expect(200, this.client.heartbeat());

		HttpResponse<String> response = this.client.fragment(0, target + "/rapport.xml/", bytes("<a/>"));

		assertThat(response.statusCode()).isEqualTo(400);
		assertThat(message(response)).contains(problem);
	}

	@Test
	void fragmentIndexThatIsNotANumberIsABadRequest() throws Exception {
		start(StandInOptions.defaults());
		expect(200, this.client.heartbeat());

		HttpResponse<String> response = this.client.fragment(-2, bytes("<a/>"));

		assertThat(response.statusCode()).isEqualTo(400);
		assertThat(message(response)).contains("-1 to complete the upload");
	}

	@Test
	void malformedXmlIsRejectedAtCompletionAndTheUploadDropped() throws Exception {
		start(StandInOptions.defaults());
		expect(200, this.client.heartbeat());
		expect(200, this.client.fragment(0, bytes("<Rapport><Innehav>")));
		expect(200, this.client.fragment(1, bytes("</Rapport>")));

		HttpResponse<String> response = this.client.fragment(-1, new byte[0]);

		assertThat(response.statusCode()).isEqualTo(400);
		assertThat(message(response)).startsWith("the file is not well-formed XML: line 1, column").contains("Innehav");
		assertThat(this.standIn.deliveries()).isEmpty();
		assertThat(this.client.fragment(2, bytes("x")).statusCode()).isEqualTo(409);
	}

	@Test
	void completionWithoutAnUploadIsAConflictAndWithContentABadRequest() throws Exception {
		start(StandInOptions.defaults());
		expect(200, this.client.heartbeat());

		HttpResponse<String> nothing = this.client.fragment(-1, new byte[0]);
		expect(200, this.client.fragment(0, bytes("<a/>")));
		HttpResponse<String> notEmpty = this.client.fragment(-1, bytes("<b/>"));

		assertThat(nothing.statusCode()).isEqualTo(409);
		assertThat(message(nothing)).startsWith("nothing to complete");
		assertThat(notEmpty.statusCode()).isEqualTo(400);
		assertThat(message(notEmpty)).contains("must be empty");
	}

	@Test
	void fileNameWithSpacesAndSwedishLettersArrivesDecoded() throws Exception {
		start(StandInOptions.defaults());
		String fileName = "Rapport för Q3 åäö ÅÄÖ+1.xml";
		String target = "9990000045/KRITA/2026-09-30/KRITA_MONTHLY/" + GdbTestClient.encodeSegment(fileName) + "/";
		expect(200, this.client.heartbeat());

		expect(200, this.client.fragment(0, target, fileName, Reports.report(2)));
		expect(200, this.client.fragment(-1, target, fileName, new byte[0]));

		assertThat(target).contains("Rapport%20f%C3%B6r%20Q3", "+1.xml");
		assertThat(this.standIn.fragments()).allSatisfy((fragment) -> {
			assertThat(fragment.fileName()).isEqualTo(fileName);
			assertThat(fragment.partFileName()).isEqualTo(fileName);
			assertThat(fragment.format()).isEqualTo("KRITA_MONTHLY");
		});
		assertThat(this.standIn.deliveries().get(0).target().fileName()).isEqualTo(fileName);
	}

	@Test
	void versionSegmentIsNullWhenEmptyAndKeptWhenGiven() throws Exception {
		start(StandInOptions.defaults());
		expect(200, this.client.heartbeat());

		expect(200, this.client.fragment(0, "9990000045/VINN/2026-09-30/V40/a.xml/", bytes("<a/>")));
		expect(200, this.client.fragment(0, "9990000045/VINN/2026-09-30/V40/a.xml/3", bytes("<b/>")));
		expect(200, this.client.fragment(-1, "9990000045/VINN/2026-09-30/V40/a.xml/3", new byte[0]));

		assertThat(this.standIn.fragments()).extracting(ReceivedFragment::version).containsExactly(null, "3", "3");
		assertThat(this.standIn.deliveries()).singleElement().satisfies((delivery) -> {
			assertThat(delivery.target().version()).isEqualTo("3");
			assertThat(delivery.content()).isEqualTo(bytes("<b/>"));
		});
	}

	@Test
	void resetForgetsObservationsDeliveriesAndFaults() throws Exception {
		start(StandInOptions.defaults());
		String deliveryId = this.client.deliver(Reports.report(2), 1000);
		this.standIn.faults().respond(Faults.Call.HEARTBEAT, null, Faults.ALWAYS, 500);

		this.standIn.reset();

		assertThat(this.standIn.fragments()).isEmpty();
		assertThat(this.standIn.deliveries()).isEmpty();
		assertThat(this.standIn.heartbeatCount()).isZero();
		assertThat(this.client.get("history/" + deliveryId).statusCode()).isEqualTo(404);
		assertThat(this.client.heartbeat().statusCode()).isEqualTo(200);
	}

	@Test
	void largeFileIsKeptOnDiskWithExactlyTheOriginalBytesUntilReset() throws Exception {
		start(StandInOptions.defaults());
		byte[] file = Reports.report(250_000);
		assertThat(file.length).isGreaterThan(ReceivedFile.IN_MEMORY_LIMIT);
		Set<Path> before = standInFiles();

		this.client.deliver(file, 9_216_000);

		StoredDelivery delivery = this.standIn.deliveries().get(0);
		assertThat(delivery.size()).isEqualTo(file.length);
		assertThat(delivery.content()).isEqualTo(file);
		assertThat(newFiles(before)).singleElement()
			.satisfies((path) -> assertThat(Files.size(path)).isEqualTo(file.length));
		this.standIn.reset();
		assertThat(newFiles(before)).isEmpty();
	}

	@Test
	void uploadsInProgressAndLargeFilesLeaveNoTemporaryFileAfterClose() throws Exception {
		start(StandInOptions.defaults());
		byte[] file = Reports.report(250_000);
		Set<Path> before = standInFiles();
		this.client.deliver(file, 9_216_000);
		expect(200, this.client.fragment(0, bytes("<a>")));
		assertThat(newFiles(before)).hasSize(2);

		this.standIn.close();

		assertThat(newFiles(before)).isEmpty();
		assertThat(this.standIn.deliveries()).singleElement().satisfies((delivery) -> {
			assertThat(delivery.size()).isEqualTo(file.length);
			assertThatThrownBy(delivery::content).hasMessageContaining("is gone");
		});
	}

	@Test
	void smallFileLeavesNoTemporaryFileOnceCompleted() throws Exception {
		start(StandInOptions.defaults());
		Set<Path> before = standInFiles();
		expect(200, this.client.heartbeat());
		expect(200, this.client.fragment(0, bytes("<a>")));
		expect(200, this.client.fragment(0, bytes("<b>")));
		expect(200, this.client.fragment(1, bytes("</b>")));

		expect(200, this.client.fragment(-1, new byte[0]));

		assertThat(this.standIn.deliveries().get(0).content()).isEqualTo(bytes("<b></b>"));
		assertThat(newFiles(before)).isEmpty();
	}

	/** The stand-in's temporary files for uploads and assembled files. */
	private static Set<Path> standInFiles() throws IOException {
		try (Stream<Path> files = Files.list(Path.of(System.getProperty("java.io.tmpdir")))) {
			return files.filter((path) -> path.getFileName().toString().startsWith("scb-stand-in-upload-"))
				.collect(Collectors.toSet());
		}
	}

	private static Set<Path> newFiles(Set<Path> before) throws IOException {
		Set<Path> now = new HashSet<>(standInFiles());
		now.removeAll(before);
		return now;
	}

	private JsonNode history(String deliveryId) throws IOException, InterruptedException {
		return json(expect(200, this.client.get("history/" + deliveryId)));
	}

	private static byte[] bytes(String text) {
		return text.getBytes(StandardCharsets.UTF_8);
	}

}
