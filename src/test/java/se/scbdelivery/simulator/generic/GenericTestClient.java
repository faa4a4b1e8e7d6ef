package se.scbdelivery.simulator.generic;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpRequest.BodyPublisher;
import java.net.http.HttpRequest.BodyPublishers;
import java.net.http.HttpResponse;
import java.net.http.HttpResponse.BodyHandlers;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.concurrent.CompletableFuture;

import tools.jackson.databind.json.JsonMapper;

import se.scbdelivery.simulator.server.HttpResponses;

/**
 * A bare client of the stand-in's generic delivery service, on the JDK's HttpClient,
 * which never follows the status endpoint's 302. Bodies are built by hand, so tests
 * control every field.
 */
final class GenericTestClient {

	static final String JSON = "application/json; charset=utf-8";

	private static final Duration TIMEOUT = Duration.ofSeconds(30);

	private final URI base;

	private final HttpClient http;

	GenericTestClient(URI base) {
		this.base = base;
		this.http = HttpClient.newBuilder()
			.version(HttpClient.Version.HTTP_1_1)
			.followRedirects(HttpClient.Redirect.NEVER)
			.connectTimeout(TIMEOUT)
			.build();
	}

	HttpResponse<String> heartbeat() throws IOException, InterruptedException {
		return get("api/v1/heartbeat");
	}

	HttpResponse<String> submit(String json) throws IOException, InterruptedException {
		return submit(JSON, BodyPublishers.ofString(json, StandardCharsets.UTF_8));
	}

	HttpResponse<String> submit(String contentType, BodyPublisher body) throws IOException, InterruptedException {
		return this.http.send(HttpRequest.newBuilder(this.base.resolve("api/v1/delivery"))
			.timeout(TIMEOUT)
			.header("Content-Type", contentType)
			.POST(body)
			.build(), BodyHandlers.ofString(StandardCharsets.UTF_8));
	}

	CompletableFuture<HttpResponse<String>> submitAsync(String json) {
		return this.http.sendAsync(HttpRequest.newBuilder(this.base.resolve("api/v1/delivery"))
			.timeout(TIMEOUT)
			.header("Content-Type", JSON)
			.POST(BodyPublishers.ofString(json, StandardCharsets.UTF_8))
			.build(), BodyHandlers.ofString(StandardCharsets.UTF_8));
	}

	HttpResponse<String> status(String ticket) throws IOException, InterruptedException {
		return get("api/v1/status/" + ticket);
	}

	CompletableFuture<HttpResponse<String>> statusAsync(String ticket) {
		return this.http.sendAsync(request("api/v1/status/" + ticket), BodyHandlers.ofString(StandardCharsets.UTF_8));
	}

	HttpResponse<String> result(String ticket) throws IOException, InterruptedException {
		return get("api/v1/delivery/" + ticket);
	}

	HttpResponse<String> get(String path) throws IOException, InterruptedException {
		return this.http.send(request(path), BodyHandlers.ofString(StandardCharsets.UTF_8));
	}

	/**
	 * Submits {@code content} under contract 1 with nothing else, and returns the ticket.
	 */
	String deliver(byte[] content) throws IOException, InterruptedException {
		return HttpResponses.json(HttpResponses.expect(200, submit(body(Map.of("contract", "1"), content)))).asString();
	}

	/**
	 * The JSON body: {@code fields} in their order, then {@code fileObject} holding
	 * {@code content}.
	 */
	static String body(Map<String, Object> fields, byte[] content) {
		Map<String, Object> body = new LinkedHashMap<>(fields);
		body.put("fileObject", Map.of("fileContent", Base64.getEncoder().encodeToString(content)));
		return JsonMapper.shared().writeValueAsString(body);
	}

	private HttpRequest request(String path) {
		return HttpRequest.newBuilder(this.base.resolve(path)).timeout(TIMEOUT).GET().build();
	}

}
