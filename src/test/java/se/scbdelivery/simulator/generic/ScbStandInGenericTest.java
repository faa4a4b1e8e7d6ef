package se.scbdelivery.simulator.generic;

import java.net.http.HttpRequest.BodyPublishers;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.time.Instant;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.UUID;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;
import tools.jackson.databind.json.JsonMapper;

import se.scbdelivery.scb.generic.Ticket;
import se.scbdelivery.simulator.ScbStandIn;
import se.scbdelivery.simulator.StandInOptions;

import static org.assertj.core.api.Assertions.assertThat;
import static se.scbdelivery.simulator.server.HttpResponses.expect;
import static se.scbdelivery.simulator.server.HttpResponses.json;
import static se.scbdelivery.simulator.server.HttpResponses.message;

/**
 * The stand-in speaks SCB's generic delivery service (PROTOCOL.md §2), driven by the
 * JDK's HTTP client.
 */
class ScbStandInGenericTest {

	private ScbStandIn standIn;

	private GenericTestClient client;

	private void start(int pollsBeforeFinal) {
		this.standIn = ScbStandIn.start(StandInOptions.defaults().withPollsBeforeFinal(pollsBeforeFinal));
		this.client = new GenericTestClient(this.standIn.genericBaseUrl());
	}

	@AfterEach
	void stop() {
		if (this.standIn != null) {
			this.standIn.close();
		}
	}

	@Test
	void heartbeatAnswersTheTimeAsAJsonString() throws Exception {
		start(0);

		HttpResponse<String> response = this.client.heartbeat();

		assertThat(response.statusCode()).isEqualTo(200);
		assertThat(Instant.parse(json(response).asString())).isBetween(Instant.now().minusSeconds(60), Instant.now());
		assertThat(this.standIn.genericHeartbeatCount()).isEqualTo(1);
		assertThat(this.standIn.heartbeatCount()).isZero();
		assertThat(this.standIn.genericBaseUrl()).hasToString("http://127.0.0.1:" + this.standIn.port() + "/API/");
	}

	@ParameterizedTest
	@ValueSource(ints = { 1, 2, 256, 1001 })
	void submissionGetsATicketThenStatusAnswers202ThenRedirectsToASuccessfulResult(int size) throws Exception {
		// given: binary content with every byte value, of a size that needs base64
		// padding
		start(2);
		byte[] content = PatternContent.bytes(size);
		Map<String, Object> fields = new LinkedHashMap<>();
		fields.put("orgNr", "9990000045");
		fields.put("deliveryFormatName", "Format1");
		fields.put("test", true);
		fields.put("contract", "42");
		fields.put("externalVersionId", "Ver1");

		// when
		HttpResponse<String> submitted = this.client.submit(GenericTestClient.body(fields, content));

		// then: a ticket, and the stand-in decoded exactly the original bytes
		assertThat(submitted.statusCode()).isEqualTo(200);
		String ticket = json(submitted).asString();
		assertThat(UUID.fromString(ticket)).hasToString(ticket);
		assertThat(this.standIn.genericSubmissions()).singleElement().satisfies((received) -> {
			assertThat(received.ticket()).isEqualTo(new Ticket(ticket));
			assertThat(received.status()).isEqualTo(200);
			assertThat(received.contract()).isEqualTo("42");
			assertThat(received.orgNr()).isEqualTo("9990000045");
			assertThat(received.test()).isTrue();
			assertThat(received.deliveryFormatName()).isEqualTo("Format1");
			assertThat(received.externalVersionId()).isEqualTo("Ver1");
			assertThat(received.fields()).containsExactlyInAnyOrder("contract", "orgNr", "test", "deliveryFormatName",
					"externalVersionId", "fileObject");
			assertThat(received.decodedSize()).isEqualTo(size);
			assertThat(received.decodedBytes()).isEqualTo(content);
			assertThat(received.decodedSha256()).isEqualTo(sha256(content));
			assertThat(received.decodedFile()).isNull();
		});

		// and: not processed for two polls, then processed with the result's path
		HttpResponse<String> early = this.client.result(ticket);
		HttpResponse<String> first = this.client.status(ticket);
		HttpResponse<String> second = this.client.status(ticket);
		HttpResponse<String> processed = this.client.status(ticket);
		assertThat(early.statusCode()).isEqualTo(404);
		assertThat(message(early)).contains(ticket, "not processed yet");
		assertThat(first.statusCode()).isEqualTo(202);
		assertThat(json(first).get("status").asString()).isEqualTo("Not processed");
		assertThat(second.statusCode()).isEqualTo(202);
		assertThat(processed.statusCode()).isEqualTo(302);
		assertThat(json(processed).get("status").asString()).isEqualTo("Processed");
		assertThat(processed.headers().firstValue("Location")).hasValue("/API/api/v1/delivery/" + ticket);

		HttpResponse<String> result = this.client
			.get(processed.headers().firstValue("Location").orElseThrow().substring("/API/".length()));
		assertThat(result.statusCode()).isEqualTo(200);
		assertThat(json(result)).isEqualTo(JsonMapper.shared()
			.readTree("{\"successfulValidation\":true,\"ticket\":\"" + ticket + "\",\"errors\":[]}"));
		assertThat(this.standIn.statusCalls(ticket)).isEqualTo(3);
		assertThat(this.standIn.resultCalls(ticket)).isEqualTo(2);
	}

	@Test
	void fileWithTheFailMarkerFailsValidationQuotingItsFirstRowsWithASemicolon() throws Exception {
		start(0);
		byte[] content = """
				header without a separator
				2026-09-30;1200;SEK\r
				2026-13-01;12
				# scb-simulator:validation=fail
				""".getBytes(StandardCharsets.UTF_8);

		String ticket = this.client.deliver(content);
		HttpResponse<String> result = expect(200, this.client.result(ticket));

		assertThat(json(result)).isEqualTo(JsonMapper.shared().readTree("""
				{"successfulValidation": false, "ticket": "%s", "errors": [
				  {"httpStatusCode": "BadRequest", "errorCode": "500", "errorReason": "Not validated",
				   "errorMessage": "Wrong number of fields", "rowErrors": [
				     {"errorDescription": "Wrong number of Fields", "rowData": "2026-09-30;1200;SEK"},
				     {"errorDescription": "Value is not a date", "rowData": "2026-13-01;12"}]},
				  {"httpStatusCode": "BadRequest", "errorCode": "510", "errorReason": "Not validated",
				   "errorMessage": "Total does not match", "rowErrors": []}]}
				""".formatted(ticket)));
	}

	@Test
	void failMarkerWithOneSemicolonRowQuotesThatRowTwice() throws Exception {
		start(0);

		String ticket = this.client.deliver("a;b\nscb-simulator:validation=fail".getBytes(StandardCharsets.US_ASCII));

		assertThat(json(expect(200, this.client.result(ticket))).get("errors").get(0).get("rowErrors"))
			.extracting((row) -> row.get("rowData").asString())
			.containsExactly("a;b", "a;b");
	}

	@ParameterizedTest
	@CsvSource(delimiter = '|', quoteCharacter = '`',
			textBlock = """
					not json at all                                                      | 400 | the body is not JSON:
					`[1]`                                                                | 400 | the body must be a JSON object with contract and fileObject.fileContent, not an array
					`{"fileObject":{"fileContent":"YQ=="}}`                              | 400 | contract is missing or blank
					`{"contract":" ","fileObject":{"fileContent":"YQ=="}}`               | 400 | contract is missing or blank
					`{"contract":"1","orgNr":"9990000046","fileObject":{"fileContent":"YQ=="}}` | 400 | orgNr: organisation number '9990000046' has a wrong check digit (Luhn): expected 5
					`{"contract":"1","orgNr":"999000-0045","fileObject":{"fileContent":"YQ=="}}` | 400 | orgNr: organisation number '999000-0045' must be ten digits
					`{"contract":"1","test":"yes","fileObject":{"fileContent":"YQ=="}}`  | 400 | test must be true or false, not a string
					`{"contract":"1"}`                                                   | 400 | fileObject.fileContent is missing
					`{"contract":"1","fileObject":{}}`                                   | 400 | fileObject.fileContent is missing
					`{"contract":"1","fileObject":{"fileContent":"@@@@"}}`               | 400 | fileObject.fileContent is not valid base64:
					`{"contract":"1","fileObject":{"fileContent":"YQ=="}} {}`            | 400 | the body is not JSON: more follows
					""")
	void invalidBodyIsRefusedWithItsReasonAndGetsNoTicket(String body, int status, String reason) throws Exception {
		start(0);

		HttpResponse<String> response = this.client.submit(body);

		assertThat(response.statusCode()).isEqualTo(status);
		assertThat(message(response)).startsWith(reason).doesNotContain("\n");
		assertThat(this.standIn.genericSubmissions()).singleElement().satisfies((received) -> {
			assertThat(received.ticket()).isNull();
			assertThat(received.status()).isEqualTo(status);
		});
	}

	@ParameterizedTest
	@ValueSource(strings = { "text/plain", "application/jsonx", "multipart/form-data; boundary=x" })
	void bodyThatIsNotDeclaredJsonIsUnsupported(String contentType) throws Exception {
		start(0);

		HttpResponse<String> response = this.client.submit(contentType,
				BodyPublishers.ofString(GenericTestClient.body(Map.of("contract", "1"), new byte[] { 1 })));

		assertThat(response.statusCode()).isEqualTo(415);
		assertThat(message(response)).isEqualTo("Content-Type must be application/json, not '" + contentType + "'");
		assertThat(this.standIn.genericSubmissions()).singleElement()
			.satisfies((received) -> assertThat(received.ticket()).isNull());
	}

	@Test
	void absentOptionalFieldsAreRecordedAsNullAndUnknownFieldsAreIgnored() throws Exception {
		start(0);

		HttpResponse<String> plain = this.client.submit("application/json",
				BodyPublishers.ofString("{\"fileObject\":{\"name\":\"x.csv\",\"fileContent\":\"YWJj\"},"
						+ "\"future\":{\"nested\":[1,2]},\"contract\":\"7\"}"));
		HttpResponse<String> notTest = this.client
			.submit("{\"contract\":\"7\",\"test\":false,\"orgNr\":null,\"fileObject\":{\"fileContent\":\"\"}}");

		assertThat(plain.statusCode()).isEqualTo(200);
		assertThat(notTest.statusCode()).isEqualTo(200);
		assertThat(this.standIn.genericSubmissions()).satisfiesExactly((first) -> {
			assertThat(first.orgNr()).isNull();
			assertThat(first.test()).isNull();
			assertThat(first.deliveryFormatName()).isNull();
			assertThat(first.externalVersionId()).isNull();
			assertThat(first.fields()).containsExactlyInAnyOrder("fileObject", "future", "contract");
			assertThat(first.decodedBytes()).isEqualTo("abc".getBytes(StandardCharsets.US_ASCII));
		}, (second) -> {
			assertThat(second.test()).isFalse();
			assertThat(second.orgNr()).isNull();
			assertThat(second.fields()).containsExactlyInAnyOrder("contract", "test", "orgNr", "fileObject");
			assertThat(second.decodedSize()).isZero();
		});
	}

	@Test
	void everyPostMakesANewTicketEvenForTheSameContent() throws Exception {
		start(0);
		byte[] content = "same;content\n".getBytes(StandardCharsets.UTF_8);

		String first = this.client.deliver(content);
		String second = this.client.deliver(content);

		assertThat(first).isNotEqualTo(second);
		assertThat(this.standIn.genericSubmissions()).extracting(GenericSubmissionReceived::decodedSha256)
			.containsExactly(sha256(content), sha256(content));
		assertThat(this.standIn.genericSubmissions()).extracting(GenericSubmissionReceived::ticket)
			.containsExactly(new Ticket(first), new Ticket(second));
	}

	@Test
	void unknownTicketIsNotFoundAndMalformedTicketIsABadRequest() throws Exception {
		start(0);
		String unknown = UUID.randomUUID().toString();

		HttpResponse<String> unknownStatus = this.client.status(unknown);
		HttpResponse<String> unknownResult = this.client.result(unknown);
		HttpResponse<String> malformedStatus = this.client.status("not-a-ticket");
		HttpResponse<String> malformedResult = this.client.result("not-a-ticket");

		assertThat(unknownStatus.statusCode()).isEqualTo(404);
		assertThat(message(unknownStatus)).isEqualTo("no delivery has ticket " + unknown);
		assertThat(unknownResult.statusCode()).isEqualTo(404);
		assertThat(malformedStatus.statusCode()).isEqualTo(400);
		assertThat(message(malformedStatus)).isEqualTo("ticket 'not-a-ticket' is not a UUID");
		assertThat(malformedResult.statusCode()).isEqualTo(400);
		assertThat(this.standIn.statusCalls(unknown)).isEqualTo(1);
	}

	@Test
	void resetForgetsTicketsAndWhatWasReceived() throws Exception {
		start(0);
		String ticket = this.client.deliver(new byte[] { 1, 2, 3 });

		this.standIn.reset();

		assertThat(this.client.status(ticket).statusCode()).isEqualTo(404);
		assertThat(this.standIn.genericSubmissions()).isEmpty();
		assertThat(this.standIn.statusCalls(ticket)).isEqualTo(1);
	}

	@Test
	void unknownGenericPathNamesTheEndpoints() throws Exception {
		start(0);

		HttpResponse<String> response = this.client.get("api/v2/delivery");

		assertThat(response.statusCode()).isEqualTo(404);
		assertThat(message(response)).contains("GET api/v1/heartbeat", "POST api/v1/delivery",
				"GET api/v1/status/{ticket}");
	}

	private static String sha256(byte[] content) throws Exception {
		return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(content));
	}

}
