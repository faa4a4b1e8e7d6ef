package se.scbdelivery.simulator.gdb;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.net.CookieManager;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpRequest.BodyPublisher;
import java.net.http.HttpRequest.BodyPublishers;
import java.net.http.HttpResponse;
import java.net.http.HttpResponse.BodyHandlers;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Arrays;
import java.util.concurrent.CompletableFuture;
import javax.net.ssl.SSLContext;

import static se.scbdelivery.simulator.server.HttpResponses.expect;
import static se.scbdelivery.simulator.server.HttpResponses.json;

/**
 * A bare GDB client for the stand-in's tests, on the JDK's HttpClient: one cookie store
 * per instance, as SCB's example client keeps one HTTP client per file. Multipart bodies
 * are built by hand, so tests control every byte.
 */
final class GdbTestClient {

	/**
	 * A valid target below {@code file/{fragment}/}: org, program, period, format, file
	 * name, no version.
	 */
	static final String TARGET = "9990000045/VINN/2026-09-30/V40/rapport.xml/";

	static final String BOUNDARY = "scb-test-boundary-7f3a";

	private static final Duration TIMEOUT = Duration.ofSeconds(10);

	private final URI base;

	private final HttpClient http;

	GdbTestClient(URI base) {
		this(base, HttpClient.newBuilder());
	}

	GdbTestClient(URI base, SSLContext sslContext) {
		this(base, HttpClient.newBuilder().sslContext(sslContext));
	}

	private GdbTestClient(URI base, HttpClient.Builder builder) {
		this.base = base;
		this.http = builder.version(HttpClient.Version.HTTP_1_1)
			.cookieHandler(new CookieManager())
			.connectTimeout(TIMEOUT)
			.build();
	}

	HttpResponse<String> heartbeat() throws IOException, InterruptedException {
		return get("heartbeat");
	}

	HttpResponse<String> get(String path) throws IOException, InterruptedException {
		return send(HttpRequest.newBuilder(URI.create(this.base + path)).timeout(TIMEOUT).GET().build());
	}

	/**
	 * {@code POST file/{index}/{target}} with one {@code File} part holding
	 * {@code content}.
	 */
	HttpResponse<String> fragment(int index, String target, byte[] content) throws IOException, InterruptedException {
		return fragment(index, target, "rapport.xml", content);
	}

	HttpResponse<String> fragment(int index, String target, String partFileName, byte[] content)
			throws IOException, InterruptedException {
		return send(fragmentRequest(index, target, partFileName, content, TIMEOUT));
	}

	HttpResponse<String> fragment(int index, byte[] content) throws IOException, InterruptedException {
		return fragment(index, TARGET, content);
	}

	CompletableFuture<HttpResponse<String>> fragmentAsync(int index, byte[] content) {
		return this.http.sendAsync(fragmentRequest(index, TARGET, "rapport.xml", content, TIMEOUT),
				BodyHandlers.ofString(StandardCharsets.UTF_8));
	}

	HttpRequest fragmentRequest(int index, String target, String partFileName, byte[] content, Duration timeout) {
		return post("file/" + index + "/" + target, "multipart/form-data; boundary=" + BOUNDARY,
				BodyPublishers.ofByteArray(multipart("File", partFileName, content)), timeout);
	}

	/**
	 * A POST with any content type and body publisher (chunked when the publisher has no
	 * length).
	 */
	HttpRequest post(String path, String contentType, BodyPublisher body, Duration timeout) {
		return HttpRequest.newBuilder(URI.create(this.base + path))
			.timeout(timeout)
			.header("Content-Type", contentType)
			.POST(body)
			.build();
	}

	HttpResponse<String> send(HttpRequest request) throws IOException, InterruptedException {
		return this.http.send(request, BodyHandlers.ofString(StandardCharsets.UTF_8));
	}

	/**
	 * Heartbeat, the fragments of {@code fragmentSize} bytes, then -1; returns the
	 * DeliveryId.
	 */
	String deliver(byte[] file, int fragmentSize) throws IOException, InterruptedException {
		expect(200, heartbeat());
		int index = 0;
		for (int offset = 0; offset < file.length; offset += fragmentSize) {
			expect(200,
					fragment(index++, Arrays.copyOfRange(file, offset, Math.min(file.length, offset + fragmentSize))));
		}
		return json(expect(200, fragment(-1, new byte[0]))).get("DeliveryId").asString();
	}

	/** A multipart/form-data body with one part, delimited by {@link #BOUNDARY}. */
	static byte[] multipart(String partName, String fileName, byte[] content) {
		ByteArrayOutputStream body = new ByteArrayOutputStream();
		body.writeBytes(("--" + BOUNDARY + "\r\nContent-Disposition: form-data; name=\"" + partName + "\"; filename=\""
				+ fileName + "\"\r\nContent-Type: application/octet-stream\r\n\r\n")
			.getBytes(StandardCharsets.UTF_8));
		body.writeBytes(content);
		body.writeBytes(("\r\n--" + BOUNDARY + "--\r\n").getBytes(StandardCharsets.UTF_8));
		return body.toByteArray();
	}

	/**
	 * Percent-encodes one path segment as UTF-8, leaving unreserved characters and
	 * {@code +} as they are.
	 */
	static String encodeSegment(String segment) {
		StringBuilder encoded = new StringBuilder();
		for (byte b : segment.getBytes(StandardCharsets.UTF_8)) {
			char c = (char) (b & 0xFF);
			if ((c >= 'A' && c <= 'Z') || (c >= 'a' && c <= 'z') || (c >= '0' && c <= '9') || "-._~+".indexOf(c) >= 0) {
				encoded.append(c);
			}
			else {
				encoded.append('%').append(String.format("%02X", b & 0xFF));
			}
		}
		return encoded.toString();
	}

	/** A body publisher of unknown length, so the request goes chunked. */
	static BodyPublisher chunked(byte[] body) {
		return BodyPublishers.ofInputStream(() -> new ByteArrayInputStream(body));
	}

}
