package se.scbdelivery.scb.http;

import java.net.URI;
import java.util.List;

import io.netty.handler.codec.http.DefaultHttpHeaders;
import io.netty.handler.codec.http.HttpHeaders;
import io.netty.handler.codec.http.HttpMethod;
import org.jspecify.annotations.Nullable;

/**
 * One request to SCB.
 * @param baseUrl ends in {@code /}; the segments are resolved against it
 * @param pathSegments unencoded; each is percent-encoded on its own, and an empty last
 * segment makes the path end in {@code /}
 * @param headers sent as they are (secrets such as cookies belong here, never in the path)
 */
public record ScbCall(HttpMethod method, URI baseUrl, List<String> pathSegments, HttpHeaders headers,
		@Nullable RequestBody body) {

	public ScbCall {
		pathSegments = List.copyOf(pathSegments);
		if (!baseUrl.getPath().endsWith("/")) {
			throw new IllegalArgumentException("base URL " + baseUrl + " must end in /");
		}
	}

	public static ScbCall get(URI baseUrl, List<String> pathSegments, HttpHeaders headers) {
		return new ScbCall(HttpMethod.GET, baseUrl, pathSegments, headers, null);
	}

	public static ScbCall post(URI baseUrl, List<String> pathSegments, HttpHeaders headers, RequestBody body) {
		return new ScbCall(HttpMethod.POST, baseUrl, pathSegments, headers, body);
	}

	public static HttpHeaders noHeaders() {
		return new DefaultHttpHeaders();
	}

	/** Method and readable path, e.g. {@code POST file/3/9990000045/VINN/2024-06-30/V40/a.xml/}. */
	public String name() {
		return this.method.name() + " " + String.join("/", this.pathSegments);
	}

	/** The base URL with the encoded segments appended. */
	public URI uri() {
		return URI.create(this.baseUrl.toString() + PercentEncoding.join(this.pathSegments));
	}

}
