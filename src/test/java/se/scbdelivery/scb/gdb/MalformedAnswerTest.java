package se.scbdelivery.scb.gdb;

import java.net.URI;
import java.util.List;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.mockserver.integration.ClientAndServer;

import se.scbdelivery.scb.http.ScbBadAnswerException;
import se.scbdelivery.scb.http.ScbHttpClient;
import se.scbdelivery.scb.http.TestSettings;

import static org.assertj.core.api.Assertions.assertThatExceptionOfType;
import static org.mockserver.model.HttpRequest.request;
import static org.mockserver.model.HttpResponse.response;

/**
 * A 2xx completion answer that is not SCB's documented JSON is an error naming the
 * problem.
 */
class MalformedAnswerTest {

	private static ClientAndServer server;

	private static ScbHttpClient http;

	private static ReactorGdbClient client;

	@BeforeAll
	static void start() {
		server = ClientAndServer.startClientAndServer();
		http = ScbHttpClient.create(TestSettings.http(3), TestSettings.noTls(), new TestSettings.RecordingSleeper());
		client = new ReactorGdbClient(http, URI.create("http://localhost:" + server.getPort() + "/m2m/v2/"));
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

	@ParameterizedTest
	@CsvSource(delimiter = '|', quoteCharacter = '`', textBlock = """
			not json                                       | not JSON: 'not json'
			{}                                             | no DeliveryId in '{}'
			`{"DeliveryId": "  "}`                         | no DeliveryId in
			`{"DeliveryId": "12345"}`                      | the DeliveryId is not a GUID in '{"DeliveryId": "12345"}'
			`["0f8fad5b-d9cb-469f-a165-70867728950e"]`     | not a JSON object
			<html><h1>Service Unavailable</h1></html>        | not JSON: '<html><h1>Service Unavailable</h1></html>'
			""")
	void completionAnswerThatIsNotAReceiptIsABadAnswer(String body, String problem) {
		server.when(request()).respond(response().withStatusCode(200).withBody(body));

		assertThatExceptionOfType(ScbBadAnswerException.class)
			.isThrownBy(() -> client.complete(new GdbSession(List.of(), null),
					ReactorGdbClientContractTest.target("a.xml", null)))
			.withMessageStartingWith(
					"POST file/-1/9990000045/VINN/2024-06-30/V40/a.xml/ gave an answer that cannot be used: ")
			.withMessageContaining(problem);
	}

	@ParameterizedTest
	@CsvSource(delimiter = '|', quoteCharacter = '`', textBlock = """
			`{"Id": "x", "Status": "Inläst"}`                          | no numeric ProgressStatus
			`{"Id": "x", "Status": "Inläst", "ProgressStatus": "klar"}`| no numeric ProgressStatus
			`{"Id": "x", "ProgressStatus": 3}`                         | no Status
			""")
	void historyWithoutStatusOrProgressIsABadAnswer(String body, String problem) {
		server.when(request()).respond(response().withStatusCode(200).withBody(body));

		assertThatExceptionOfType(ScbBadAnswerException.class)
			.isThrownBy(() -> client.history(new GdbSession(List.of(), null),
					new DeliveryId("0f8fad5b-d9cb-469f-a165-70867728950e")))
			.withMessageContaining(problem);
	}

}
