package se.scbdelivery.simulator.server;

import java.net.http.HttpResponse;

import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/** Checks and reads the stand-in's answers in the tests of both APIs. */
public final class HttpResponses {

	private HttpResponses() {
	}

	public static HttpResponse<String> expect(int status, HttpResponse<String> response) {
		if (response.statusCode() != status) {
			throw new AssertionError("expected " + status + " from " + response.request().method() + " "
					+ response.uri() + " but got " + response.statusCode() + ": " + response.body());
		}
		return response;
	}

	public static JsonNode json(HttpResponse<String> response) {
		return JsonMapper.shared().readTree(response.body());
	}

	public static String message(HttpResponse<String> response) {
		return json(response).get("Message").asString();
	}

}
