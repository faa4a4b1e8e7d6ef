package se.scbdelivery.scb.generic;

import java.io.IOException;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.Random;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.mockserver.integration.ClientAndServer;
import org.mockserver.model.HttpRequest;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

import se.scbdelivery.config.ScbProperties;
import se.scbdelivery.scb.OrganisationNumber;
import se.scbdelivery.scb.http.ScbBadAnswerException;
import se.scbdelivery.scb.http.ScbHttpClient;
import se.scbdelivery.scb.http.ScbRefusedException;
import se.scbdelivery.scb.http.TestSettings;
import se.scbdelivery.testsupport.ProductSettings;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatExceptionOfType;
import static org.mockserver.model.HttpRequest.request;
import static org.mockserver.model.HttpResponse.response;

/**
 * What {@link ReactorGenericDeliveryClient} puts on the wire and how it reads the generic
 * service's answers, against MockServer: the JSON envelope, the status codes, the result.
 */
class ReactorGenericDeliveryClientContractTest {

	static final String BASE = "/API/";

	static final String TICKET = "00ebfe42-a11e-4216-8cc8-5ee2ba75a8b5";

	private static final JsonMapper JSON = JsonMapper.builder().build();

	private static ClientAndServer server;

	private static ScbHttpClient http;

	private static ReactorGenericDeliveryClient client;

	@TempDir
	Path dir;

	@BeforeAll
	static void start() {
		server = ClientAndServer.startClientAndServer();
		http = ScbHttpClient.create(TestSettings.http(3), TestSettings.noTls(), new TestSettings.RecordingSleeper());
		client = new ReactorGenericDeliveryClient(http, URI.create("http://localhost:" + server.getPort() + BASE),
				settings("api/v1/heartbeat", "api/v1/status/{ticket}", 16_777_216));
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

	static ScbProperties.Generic settings(String heartbeatPath, String statusPath, int maxResultBytes) {
		return ProductSettings.standard(ReactorGenericDeliveryClientContractTest.class)
			.with("scb.generic.heartbeat-path", heartbeatPath)
			.with("scb.generic.status-path", statusPath)
			.with("scb.generic.max-result-bytes", maxResultBytes)
			.scbProperties()
			.generic();
	}

	@Test
	void heartbeatGetsTheConfiguredPathAndTakesAny2xx() {
		server.when(request().withMethod("GET").withPath(BASE + "api/v1/heartbeat"))
			.respond(response().withStatusCode(204));

		client.heartbeat();

		assertThat(server.retrieveRecordedRequests(request())).hasSize(1);
	}

	@ParameterizedTest
	@ValueSource(ints = { 300_000, 300_001, 300_002 })
	void submitSendsTheEnvelopeWithTheFileAsBase64(int size) throws IOException {
		// Given a binary file whose length leaves each remainder mod 3, so every padding
		// case occurs
		byte[] bytes = new byte[size];
		new Random(size).nextBytes(bytes);
		Path file = Files.write(this.dir.resolve("data.bin"), bytes);
		server.when(request().withMethod("POST"))
			.respond(response().withStatusCode(200).withBody("\"" + TICKET + "\""));

		// When
		Ticket ticket = client
			.submit(new GenericSubmission("1", new OrganisationNumber("9990000045"), "Format1", "Ver1", true), file);

		// Then
		assertThat(ticket).isEqualTo(new Ticket(TICKET));
		HttpRequest sent = onlyRequest();
		assertThat(sent.getMethod().getValue()).isEqualTo("POST");
		assertThat(sent.getPath().getValue()).isEqualTo("/API/api/v1/delivery");
		assertThat(sent.getFirstHeader("Content-Type")).isEqualTo("application/json");
		byte[] body = sent.getBodyAsRawBytes();
		assertThat(sent.getFirstHeader("Content-Length")).isEqualTo(Integer.toString(body.length));
		JsonNode json = JSON.readTree(body);
		assertThat(names(json)).containsExactly("contract", "orgNr", "test", "deliveryFormatName", "externalVersionId",
				"fileObject");
		assertThat(json.get("contract").isString()).isTrue();
		assertThat(json.get("contract").asString()).isEqualTo("1");
		assertThat(json.get("orgNr").asString()).isEqualTo("9990000045");
		assertThat(json.get("test").isBoolean()).isTrue();
		assertThat(json.get("test").asBoolean()).isTrue();
		assertThat(json.get("deliveryFormatName").asString()).isEqualTo("Format1");
		assertThat(json.get("externalVersionId").asString()).isEqualTo("Ver1");
		assertThat(names(json.get("fileObject"))).containsExactly("fileContent");
		String base64 = json.get("fileObject").get("fileContent").asString();
		assertThat(base64).doesNotContain("\n", "\r").hasSize(4 * ((size + 2) / 3));
		assertThat(Base64.getDecoder().decode(base64)).isEqualTo(bytes);
	}

	@Test
	void submitLeavesOutAbsentOptionalFieldsAndTestWhenFalse() throws IOException {
		Path file = Files.write(this.dir.resolve("a.csv"), new byte[0]);
		server.when(request().withMethod("POST"))
			.respond(response().withStatusCode(200).withBody("\"" + TICKET + "\""));

		client.submit(new GenericSubmission("K1", null, null, null, false), file);

		JsonNode json = JSON.readTree(onlyRequest().getBodyAsRawBytes());
		assertThat(names(json)).containsExactly("contract", "fileObject");
		assertThat(json.get("fileObject").get("fileContent").asString()).isEmpty();
	}

	@Test
	void submitEscapesQuotesBackslashesControlCharactersAndKeepsSwedishLetters() throws IOException {
		Path file = Files.writeString(this.dir.resolve("a.csv"), "x");
		server.when(request().withMethod("POST"))
			.respond(response().withStatusCode(200).withBody("\"" + TICKET + "\""));
		String contract = "Avtal \"7\" för C:\\data\tåäö\n\u0001";
		String format = "Format \"Å\" \\ ÄÖ";

		client.submit(new GenericSubmission(contract, null, format, null, false), file);

		JsonNode json = JSON.readTree(onlyRequest().getBodyAsRawBytes());
		assertThat(json.get("contract").asString()).isEqualTo(contract);
		assertThat(json.get("deliveryFormatName").asString()).isEqualTo(format);
	}

	@Test
	void unreadableFileIsRejectedBeforeAnythingIsSent() {
		Path missing = this.dir.resolve("missing.csv");

		assertThatExceptionOfType(IllegalArgumentException.class)
			.isThrownBy(() -> client.submit(new GenericSubmission("1", null, null, null, false), missing))
			.withMessageContaining(missing + " cannot be read");
		assertThat(server.retrieveRecordedRequests(request())).isEmpty();
	}

	@Test
	void ticketIsTakenAsAJsonStringABareUuidOrAnObjectWithAnyCase() throws IOException {
		Path file = Files.writeString(this.dir.resolve("a.csv"), "x");
		GenericSubmission submission = new GenericSubmission("1", null, null, null, false);
		for (String answer : List.of("\"" + TICKET + "\"", " " + TICKET + "\n", "{\"Ticket\":\"" + TICKET + "\"}",
				"{\"ticket\":\"" + TICKET + "\",\"other\":1}")) {
			server.reset();
			server.when(request().withMethod("POST")).respond(response().withStatusCode(200).withBody(answer));

			assertThat(client.submit(submission, file)).as(answer).isEqualTo(new Ticket(TICKET));
		}
	}

	@Test
	void answerThatIsNoTicketIsABadAnswerNamingWhatCame() throws IOException {
		Path file = Files.writeString(this.dir.resolve("a.csv"), "x");
		GenericSubmission submission = new GenericSubmission("1", null, null, null, false);
		List<String> problems = new ArrayList<>();
		for (String answer : List.of("<html><body>Logga in</body></html>", "\"not-a-uuid\"", "", "{\"id\":\"x\"}",
				"42")) {
			server.reset();
			server.when(request().withMethod("POST")).respond(response().withStatusCode(200).withBody(answer));

			assertThatExceptionOfType(ScbBadAnswerException.class).as(answer)
				.isThrownBy(() -> client.submit(submission, file))
				.satisfies((ex) -> problems.add(ex.getMessage()));
		}
		assertThat(problems).containsExactly(
				"POST api/v1/delivery gave an answer that cannot be used: the ticket is not a UUID in "
						+ "'<html><body>Logga in</body></html>'",
				"POST api/v1/delivery gave an answer that cannot be used: the ticket is not a UUID in '\"not-a-uuid\"'",
				"POST api/v1/delivery gave an answer that cannot be used: an empty answer instead of a ticket",
				"POST api/v1/delivery gave an answer that cannot be used: no ticket in '{\"id\":\"x\"}'",
				"POST api/v1/delivery gave an answer that cannot be used: the ticket is not a UUID in '42'");
	}

	@Test
	void statusWhileProcessingIs202() {
		server.when(request().withMethod("GET").withPath(BASE + "api/v1/status/" + TICKET))
			.respond(response().withStatusCode(202));

		assertThat(client.status(new Ticket(TICKET))).isEqualTo(ProcessingState.NOT_PROCESSED);
	}

	@Test
	void statusProcessedIsA302ThatIsNeverFollowed() {
		server.when(request().withPath(BASE + "api/v1/status/" + TICKET))
			.respond(response().withStatusCode(302).withHeader("Location", BASE + "api/v1/delivery/" + TICKET));
		server.when(request().withPath(BASE + "api/v1/delivery/" + TICKET))
			.respond(response().withStatusCode(200).withBody("{\"successfulValidation\":true}"));

		assertThat(client.status(new Ticket(TICKET))).isEqualTo(ProcessingState.PROCESSED);
		assertThat(server.retrieveRecordedRequests(request())).hasSize(1);
	}

	@Test
	void statusAnswered200IsABadAnswer() {
		server.when(request().withPath(BASE + "api/v1/status/" + TICKET)).respond(response().withStatusCode(200));

		assertThatExceptionOfType(ScbBadAnswerException.class).isThrownBy(() -> client.status(new Ticket(TICKET)))
			.withMessage("GET api/v1/status/" + TICKET + " gave an answer that cannot be used: "
					+ "HTTP 200 instead of 202 (not processed) or 302 (processed)");
	}

	@Test
	void statusOfAnUnknownTicketIsRefused() {
		server.when(request().withPath(BASE + "api/v1/status/" + TICKET))
			.respond(response().withStatusCode(404).withBody("Unknown ticket"));

		assertThatExceptionOfType(ScbRefusedException.class).isThrownBy(() -> client.status(new Ticket(TICKET)))
			.satisfies((ex) -> {
				assertThat(ex.status()).isEqualTo(404);
				assertThat(ex.body()).isEqualTo("Unknown ticket");
			});
	}

	@Test
	void statusGoesToTheConfiguredPathWithTheTicketInIt() {
		ReactorGenericDeliveryClient configured = new ReactorGenericDeliveryClient(http,
				URI.create("http://localhost:" + server.getPort() + BASE),
				settings("/ping", "api/v2/delivery/{ticket}/state", 1024));
		server.when(request().withPath(BASE + "api/v2/delivery/" + TICKET + "/state"))
			.respond(response().withStatusCode(202));
		server.when(request().withPath(BASE + "ping")).respond(response().withStatusCode(200));

		assertThat(configured.status(new Ticket(TICKET))).isEqualTo(ProcessingState.NOT_PROCESSED);
		configured.heartbeat();

		assertThat(server.retrieveRecordedRequests(request())).extracting((r) -> r.getPath().getValue())
			.containsExactly(BASE + "api/v2/delivery/" + TICKET + "/state", BASE + "ping");
	}

	@Test
	void statusPathWithoutTicketIsRejected() {
		assertThatExceptionOfType(IllegalArgumentException.class)
			.isThrownBy(() -> new ReactorGenericDeliveryClient(http, URI.create("http://localhost/API/"),
					settings("api/v1/heartbeat", "api/v1/status", 1024)))
			.withMessageContaining("scb.generic.status-path 'api/v1/status' must contain {ticket}");
	}

	@Test
	void successfulResultIsReadWithTheRawJsonKept() {
		String body = "{\"successfulValidation\":true,\"ticket\":\"" + TICKET
				+ "\",\"errors\":[],\"newField\":{\"a\":1}}";
		server.when(request().withMethod("GET").withPath(BASE + "api/v1/delivery/" + TICKET))
			.respond(response().withStatusCode(200).withBody(body));

		ValidationResult result = client.result(new Ticket(TICKET));

		assertThat(result.successfulValidation()).isTrue();
		assertThat(result.ticket()).isEqualTo(TICKET);
		assertThat(result.errors()).isEmpty();
		assertThat(result.json()).isEqualTo(body);
	}

	@Test
	void failedResultKeepsEveryErrorAndRowError() {
		String body = """
				{ "successfulValidation": false, "ticket": "%s",
				  "errors": [
				    { "httpStatusCode": "BadRequest", "errorCode": 500, "errorReason": "Not validated",
				      "errorMessage": "Error 1",
				      "rowErrors": [ { "errorDescription": "Wrong number of Fields", "rowData": "Field" },
				                     { "errorDescription": "Bad date", "rowData": "2024-13-01;x" } ] },
				    { "httpStatusCode": "BadRequest", "errorCode": "510", "errorReason": "Unknown contract",
				      "errorMessage": "Error 2", "rowErrors": [] } ] }
				""".formatted(TICKET);
		server.when(request().withPath(BASE + "api/v1/delivery/" + TICKET))
			.respond(response().withStatusCode(200).withBody(body));

		ValidationResult result = client.result(new Ticket(TICKET));

		assertThat(result.successfulValidation()).isFalse();
		assertThat(result.ticket()).isEqualTo(TICKET);
		assertThat(result.errors()).containsExactly(
				new ValidationError("BadRequest", "500", "Not validated", "Error 1",
						List.of(new RowError("Wrong number of Fields", "Field"),
								new RowError("Bad date", "2024-13-01;x"))),
				new ValidationError("BadRequest", "510", "Unknown contract", "Error 2", List.of()));
		assertThat(result.json()).isEqualTo(body);
	}

	@Test
	void resultInPascalCaseIsReadToo() {
		server.when(request().withPath(BASE + "api/v1/delivery/" + TICKET))
			.respond(response().withStatusCode(200)
				.withBody("{\"SuccessfulValidation\":false,\"Ticket\":\"" + TICKET + "\",\"Errors\":[{"
						+ "\"HttpStatusCode\":\"BadRequest\",\"ErrorCode\":\"500\",\"ErrorReason\":\"R\","
						+ "\"ErrorMessage\":\"M\",\"RowErrors\":[{\"ErrorDescription\":\"D\",\"RowData\":\"X\"}]}]}"));

		ValidationResult result = client.result(new Ticket(TICKET));

		assertThat(result.successfulValidation()).isFalse();
		assertThat(result.ticket()).isEqualTo(TICKET);
		assertThat(result.errors())
			.containsExactly(new ValidationError("BadRequest", "500", "R", "M", List.of(new RowError("D", "X"))));
	}

	@Test
	void resultWithoutSuccessfulValidationIsABadAnswer() {
		server.when(request().withPath(BASE + "api/v1/delivery/" + TICKET))
			.respond(response().withStatusCode(200).withBody("{\"ticket\":\"" + TICKET + "\",\"errors\":[]}"));

		assertThatExceptionOfType(ScbBadAnswerException.class).isThrownBy(() -> client.result(new Ticket(TICKET)))
			.withMessageContaining("no true or false successfulValidation in '{\"ticket\"");
	}

	@Test
	void resultLargerThanMaxAnswerBytesButWithinMaxResultBytesIsRead() {
		ScbHttpClient small = ScbHttpClient.create(TestSettings.http(3, Duration.ofSeconds(5), 1024),
				TestSettings.noTls(), new TestSettings.RecordingSleeper());
		ReactorGenericDeliveryClient capped = new ReactorGenericDeliveryClient(small,
				URI.create("http://localhost:" + server.getPort() + BASE),
				settings("api/v1/heartbeat", "api/v1/status/{ticket}", 200_000));
		StringBuilder rows = new StringBuilder();
		for (int i = 0; i < 1000; i++) {
			rows.append(i > 0 ? "," : "")
				.append("{\"errorDescription\":\"Bad row\",\"rowData\":\"row ")
				.append(i)
				.append("\"}");
		}
		String body = "{\"successfulValidation\":false,\"errors\":[{\"errorCode\":\"1\",\"rowErrors\":[" + rows
				+ "]}]}";
		server.when(request().withPath(BASE + "api/v1/delivery/" + TICKET))
			.respond(response().withStatusCode(200).withBody(body));

		try {
			ValidationResult result = capped.result(new Ticket(TICKET));

			assertThat(body.length()).isGreaterThan(1024);
			assertThat(result.errors().get(0).rowErrors()).hasSize(1000)
				.last()
				.isEqualTo(new RowError("Bad row", "row 999"));
		}
		finally {
			small.close();
		}
	}

	private static HttpRequest onlyRequest() {
		HttpRequest[] requests = server.retrieveRecordedRequests(request());
		assertThat(requests).hasSize(1);
		return requests[0];
	}

	private static List<String> names(JsonNode object) {
		List<String> names = new ArrayList<>();
		object.propertyNames().forEach(names::add);
		return names;
	}

}
