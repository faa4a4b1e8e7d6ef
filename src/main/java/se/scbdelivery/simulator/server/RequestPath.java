package se.scbdelivery.simulator.server;

import java.io.ByteArrayOutputStream;
import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.List;

import org.jspecify.annotations.Nullable;

/**
 * A request path below an API's base ({@link #GDB_BASE} or {@link #GENERIC_BASE}), split
 * into segments, each percent-decoded as UTF-8. Splitting comes before decoding, so an
 * encoded {@code %2F} stays inside its segment, and {@code +} is a plus sign, as RFC 3986
 * has it for paths (only form bodies use it for a space).
 */
public record RequestPath(List<String> segments) {

	public static final String GDB_BASE = "/m2m/v2/";

	/** SCB's generic delivery service: its paths are {@code api/v1/...} below this. */
	public static final String GENERIC_BASE = "/API/";

	public RequestPath {
		segments = List.copyOf(segments);
	}

	/**
	 * @param uri the request target as sent: path and optional query
	 * @return {@code null} when the path is not below {@code base}
	 * @throws IllegalArgumentException when a segment is not valid percent-encoded UTF-8
	 */
	public static @Nullable RequestPath parse(String uri, String base) {
		String path = rawPath(uri);
		if (!path.startsWith(base)) {
			return null;
		}
		return new RequestPath(
				Arrays.stream(path.substring(base.length()).split("/", -1)).map(RequestPath::decode).toList());
	}

	/** The path without query or fragment, still encoded: what the log shows. */
	public static String rawPath(String uri) {
		int end = uri.length();
		for (char stop : new char[] { '?', '#' }) {
			int at = uri.indexOf(stop);
			if (at >= 0 && at < end) {
				end = at;
			}
		}
		return uri.substring(0, end);
	}

	static String decode(String segment) {
		ByteArrayOutputStream bytes = new ByteArrayOutputStream(segment.length());
		for (int i = 0; i < segment.length(); i++) {
			char c = segment.charAt(i);
			if (c == '%') {
				if (i + 2 >= segment.length() || Character.digit(segment.charAt(i + 1), 16) < 0
						|| Character.digit(segment.charAt(i + 2), 16) < 0) {
					throw new IllegalArgumentException(
							"path segment '" + segment + "' has a '%' not followed by two hex digits");
				}
				bytes.write(Integer.parseInt(segment, i + 1, i + 3, 16));
				i += 2;
			}
			else {
				bytes.writeBytes(String.valueOf(c).getBytes(StandardCharsets.UTF_8));
			}
		}
		try {
			return StandardCharsets.UTF_8.newDecoder()
				.onMalformedInput(CodingErrorAction.REPORT)
				.onUnmappableCharacter(CodingErrorAction.REPORT)
				.decode(ByteBuffer.wrap(bytes.toByteArray()))
				.toString();
		}
		catch (CharacterCodingException ex) {
			throw new IllegalArgumentException("path segment '" + segment + "' is not percent-encoded UTF-8");
		}
	}

}
