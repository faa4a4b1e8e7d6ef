package se.scbdelivery.scb.gdb;

import java.io.IOException;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.Arrays;
import java.util.List;
import java.util.Random;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.mockserver.integration.ClientAndServer;
import org.mockserver.matchers.Times;
import org.mockserver.model.Header;
import org.mockserver.model.HttpRequest;
import org.mockserver.verify.VerificationTimes;

import se.scbdelivery.scb.OrganisationNumber;
import se.scbdelivery.scb.StatisticalProgram;
import se.scbdelivery.scb.http.ScbBadAnswerException;
import se.scbdelivery.scb.http.ScbHttpClient;
import se.scbdelivery.scb.http.TestSettings;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatExceptionOfType;
import static org.mockserver.model.Cookie.cookie;
import static org.mockserver.model.HttpRequest.request;
import static org.mockserver.model.HttpResponse.response;

/**
 * What {@link ReactorGdbClient} puts on the wire and how it reads SCB's answers, against
 * MockServer: paths, cookies, the multipart part, and every documented status.
 */
class ReactorGdbClientContractTest {

	private static final String BASE = "/m2m/v2/";

	private static final String GUID = "0f8fad5b-d9cb-469f-a165-70867728950e";

	private static ClientAndServer server;

	private static ScbHttpClient http;

	private static ReactorGdbClient client;

	@TempDir
	Path dir;

	@BeforeAll
	static void start() {
		server = ClientAndServer.startClientAndServer();
		http = ScbHttpClient.create(TestSettings.http(3), TestSettings.noTls(), new TestSettings.RecordingSleeper());
		client = new ReactorGdbClient(http, URI.create("http://localhost:" + server.getPort() + BASE));
	}

	@AfterAll
	static void stop() {
		http.close();
		server.stop();
	}

	@BeforeEach
	void reset() {
		server.reset();
	}

	@Test
	void heartbeatKeepsEverySetCookieAndTheServerTime() {
		server.when(request().withMethod("GET").withPath(BASE + "heartbeat"))
			.respond(response().withStatusCode(200)
				.withHeader(new Header("Set-Cookie", "BIGipServer=pool-7; Path=/; HttpOnly",
						"JSESSIONID=abc123; Path=/m2m; Secure"))
				.withBody("\"2024-06-30T10:15:00.123Z\"\n"));

		GdbSession session = client.heartbeat();

		assertThat(session.cookies()).containsExactly(new SessionCookie("BIGipServer", "pool-7"),
				new SessionCookie("JSESSIONID", "abc123"));
		assertThat(session.serverTime()).isEqualTo("2024-06-30T10:15:00.123Z");
		server.verify(request().withMethod("GET").withPath(BASE + "heartbeat"), VerificationTimes.exactly(1));
	}

	@Test
	void heartbeatAnsweredWithAnotherSuccessCodeIsABadAnswer() {
		server.when(request().withPath(BASE + "heartbeat")).respond(response().withStatusCode(204));

		assertThatExceptionOfType(ScbBadAnswerException.class).isThrownBy(client::heartbeat)
			.withMessageContaining("HTTP 204 instead of 200");
	}

	@Test
	void fragmentWithoutVersionGoesToAPathEndingInTheFileNameAndSlash() throws IOException {
		Path file = file("a.xml", 1000);
		server.when(request().withMethod("POST")).respond(response().withStatusCode(200));

		client.uploadFragment(session(), target("a.xml", null), 0, file, 0, 1000);

		HttpRequest sent = onlyRequest();
		assertThat(sent.getPath().getValue()).isEqualTo(BASE + "file/0/9990000045/VINN/2024-06-30/V40/a.xml/");
	}

	@Test
	void fragmentWithVersionEndsInTheVersionAndCarriesIndexCookiesAndOnePart() throws IOException {
		Path file = file("a.xml", 5000);
		server.when(request().withMethod("POST")).respond(response().withStatusCode(201));

		client.uploadFragment(session(), target("a.xml", "3"), 4, file, 1000, 2500);

		HttpRequest sent = onlyRequest();
		assertThat(sent.getPath().getValue()).isEqualTo(BASE + "file/4/9990000045/VINN/2024-06-30/V40/a.xml/3");
		server.verify(request().withCookie(cookie("BIGipServer", "pool-7")).withCookie(cookie("JSESSIONID", "abc123")),
				VerificationTimes.exactly(1));
		String contentType = sent.getFirstHeader("Content-Type");
		assertThat(contentType).matches("multipart/form-data; boundary=[A-Za-z0-9-]+");
		byte[] body = sent.getBodyAsRawBytes();
		assertThat(sent.getFirstHeader("Content-Length")).isEqualTo(Integer.toString(body.length));
		assertThat(sent.getFirstHeader("Transfer-Encoding")).isEmpty();
		List<MultipartParts.Part> parts = parts(sent);
		assertThat(parts).hasSize(1);
		assertThat(parts.get(0).header("Content-Disposition"))
			.isEqualTo("form-data; name=\"File\"; filename=\"a.xml\"");
		assertThat(parts.get(0).header("Content-Type")).isEqualTo("application/octet-stream");
		assertThat(parts.get(0).content()).isEqualTo(Arrays.copyOfRange(Files.readAllBytes(file), 1000, 3500));
	}

	@Test
	void threeFragmentsSendExactlyTheirByteRanges() throws IOException {
		int fragment = 200_000;
		Path file = file("big.xml", 2 * fragment + 12_345);
		byte[] all = Files.readAllBytes(file);
		server.when(request().withMethod("POST")).respond(response().withStatusCode(200));

		for (int index = 0; index < 3; index++) {
			long offset = (long) index * fragment;
			client.uploadFragment(session(), target("big.xml", null), index, file, offset,
					(int) Math.min(fragment, all.length - offset));
		}

		HttpRequest[] sent = server.retrieveRecordedRequests(request().withMethod("POST"));
		assertThat(sent).hasSize(3);
		for (int index = 0; index < 3; index++) {
			assertThat(sent[index].getPath().getValue()).contains("/file/" + index + "/");
			byte[] content = onlyPart(sent[index]).content();
			int from = index * fragment;
			assertThat(content).isEqualTo(Arrays.copyOfRange(all, from, Math.min(from + fragment, all.length)));
		}
	}

	@Test
	void retriedFragmentSendsTheSameBytesAgain() throws IOException {
		Path file = file("a.xml", 300_000);
		server.when(request().withMethod("POST"), Times.once()).respond(response().withStatusCode(503));
		server.when(request().withMethod("POST")).respond(response().withStatusCode(200));

		client.uploadFragment(session(), target("a.xml", null), 1, file, 100_000, 150_000);

		HttpRequest[] sent = server.retrieveRecordedRequests(request().withMethod("POST"));
		assertThat(sent).hasSize(2);
		byte[] expected = Arrays.copyOfRange(Files.readAllBytes(file), 100_000, 250_000);
		for (HttpRequest attempt : sent) {
			assertThat(onlyPart(attempt).content()).isEqualTo(expected);
		}
	}

	@Test
	void completionSendsFragmentMinusOneWithAnEmptyPartAndReadsTheDeliveryId() {
		server.when(request().withMethod("POST"))
			.respond(response().withStatusCode(200)
				.withBody("{\"DeliveryId\": \"" + GUID + "\", \"TimeStamp\": \"2023-03-22T16:35:23.076Z\"}"));

		DeliveryReceipt receipt = client.complete(session(), target("a.xml", null));

		assertThat(receipt).isEqualTo(new DeliveryReceipt(new DeliveryId(GUID), "2023-03-22T16:35:23.076Z"));
		HttpRequest sent = onlyRequest();
		assertThat(sent.getPath().getValue()).isEqualTo(BASE + "file/-1/9990000045/VINN/2024-06-30/V40/a.xml/");
		server.verify(request().withCookie(cookie("JSESSIONID", "abc123")), VerificationTimes.exactly(1));
		List<MultipartParts.Part> parts = parts(sent);
		assertThat(parts).hasSize(1);
		assertThat(parts.get(0).header("Content-Disposition")).contains("name=\"File\"");
		assertThat(parts.get(0).content()).isEmpty();
	}

	@Test
	void deliveryIdIsReadWhateverTheCaseOfItsName() {
		server.when(request().withMethod("POST"))
			.respond(response().withStatusCode(200).withBody("{\"deliveryId\":\"" + GUID + "\",\"timestamp\":\"t\"}"));

		DeliveryReceipt receipt = client.complete(session(), target("a.xml", null));

		assertThat(receipt.deliveryId().value()).isEqualTo(GUID);
		assertThat(receipt.timeStamp()).isEqualTo("t");
	}

	@ParameterizedTest
	@CsvSource(delimiter = '|', textBlock = """
			Bearbetar      | 1 | false | PROCESSING
			Inläst         | 3 | true  | LOADED
			Inläst med fel | 2 | true  | LOADED_WITH_ERRORS
			Ej inläst      | 2 | false | NOT_LOADED
			Systemfel      | 2 | false | SYSTEM_ERROR
			Granskas manuellt | 1 | false | UNKNOWN
			""")
	void historyReadsEveryDocumentedStatusAndKeepsAnUnknownOne(String status, int progress, boolean uploaded,
			GdbStatus.Kind kind) {
		server.when(request().withMethod("GET").withPath(BASE + "history/" + GUID))
			.respond(response().withStatusCode(200)
				.withHeader("Content-Type", "application/json; charset=utf-8")
				.withBody(("{\"Id\": \"" + GUID + "\", \"ProgressStatus\": " + progress
						+ ", \"SubmissionDate\": \"2024-07-01 09:30:00\", \"Status\": \"" + status
						+ "\", \"FileWasUploaded\": " + uploaded + "}")
					.getBytes(StandardCharsets.UTF_8)));

		HistoryEntry entry = client.history(session(), new DeliveryId(GUID));

		assertThat(entry).isEqualTo(new HistoryEntry(GUID, progress, "2024-07-01 09:30:00", status, uploaded));
		assertThat(entry.gdbStatus().kind()).isEqualTo(kind);
		server.verify(request().withCookie(cookie("BIGipServer", "pool-7")), VerificationTimes.exactly(1));
	}

	@Test
	void historyNamesWhatIsMissing() {
		server.when(request().withMethod("GET"))
			.respond(response().withStatusCode(200).withBody("{\"id\": \"" + GUID + "\", \"progressStatus\": 1}"));

		assertThatExceptionOfType(ScbBadAnswerException.class)
			.isThrownBy(() -> client.history(session(), new DeliveryId(GUID)))
			.withMessageContaining("GET history/" + GUID)
			.withMessageContaining("no Status");
	}

	@Test
	void fileNameWithSpacesAndSwedishLettersArrivesEncodedOnceInPathAndPart() throws IOException {
		String name = "årsrapport maj ä ö.xml";
		Path file = file("report.xml", 10);
		server.when(request().withMethod("POST")).respond(response().withStatusCode(200));

		client.uploadFragment(session(), target(name, null), 0, file, 0, 10);

		HttpRequest sent = onlyRequest();
		// MockServer records the path as it arrived: double encoding would show up as
		// %25C3%25A5.
		String path = sent.getPath().getValue();
		assertThat(path)
			.isEqualTo(BASE + "file/0/9990000045/VINN/2024-06-30/V40/%C3%A5rsrapport%20maj%20%C3%A4%20%C3%B6.xml/");
		assertThat(URI.create(path).getPath()).endsWith("/V40/" + name + "/");
		String disposition = onlyPart(sent).header("Content-Disposition");
		assertThat(disposition).isEqualTo("form-data; name=\"File\"; filename=\"" + name
				+ "\"; filename*=UTF-8''%C3%A5rsrapport%20maj%20%C3%A4%20%C3%B6.xml");
	}

	private HttpRequest onlyRequest() {
		HttpRequest[] sent = server.retrieveRecordedRequests(request());
		assertThat(sent).hasSize(1);
		return sent[0];
	}

	private static List<MultipartParts.Part> parts(HttpRequest request) {
		return MultipartParts.parse(request.getBodyAsRawBytes(), request.getFirstHeader("Content-Type"));
	}

	private static MultipartParts.Part onlyPart(HttpRequest request) {
		List<MultipartParts.Part> parts = parts(request);
		assertThat(parts).hasSize(1);
		return parts.get(0);
	}

	private Path file(String name, int size) throws IOException {
		byte[] bytes = new byte[size];
		new Random(size).nextBytes(bytes);
		return Files.write(this.dir.resolve(name), bytes);
	}

	private static GdbSession session() {
		return new GdbSession(
				List.of(new SessionCookie("BIGipServer", "pool-7"), new SessionCookie("JSESSIONID", "abc123")), null);
	}

	static UploadTarget target(String fileName, String version) {
		return new UploadTarget(new OrganisationNumber("9990000045"), StatisticalProgram.VINN,
				LocalDate.of(2024, 6, 30), "V40", version, fileName);
	}

}
