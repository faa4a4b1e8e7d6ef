package se.scbdelivery.scb.http;

import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.stream.Collectors;

/**
 * Percent-encoding as UTF-8 (RFC 3986 §2.1, §2.3): only unreserved characters stay as
 * they are, so a space, a non-ASCII letter or a {@code /} inside a file name cannot
 * change the path's structure. Also valid for RFC 5987 extended parameters
 * ({@code filename*}).
 */
public final class PercentEncoding {

	private static final char[] HEX = "0123456789ABCDEF".toCharArray();

	private PercentEncoding() {
	}

	/**
	 * The segments encoded and joined with {@code /}. An empty last segment gives a path
	 * ending in {@code /}, as SCB wants when the optional version is absent.
	 * @throws IllegalArgumentException for a {@code .} or {@code ..} segment, which
	 * servers would resolve away
	 */
	static String join(List<String> segments) {
		return segments.stream().map(PercentEncoding::segment).collect(Collectors.joining("/"));
	}

	private static String segment(String segment) {
		if (segment.equals(".") || segment.equals("..")) {
			throw new IllegalArgumentException("'" + segment + "' cannot be a path segment");
		}
		return encode(segment);
	}

	/** Every character except the unreserved ones as {@code %XX} of its UTF-8 bytes. */
	public static String encode(String text) {
		StringBuilder encoded = new StringBuilder(text.length());
		for (byte b : text.getBytes(StandardCharsets.UTF_8)) {
			char c = (char) (b & 0xFF);
			if (isUnreserved(c)) {
				encoded.append(c);
			}
			else {
				encoded.append('%').append(HEX[(b >> 4) & 0x0F]).append(HEX[b & 0x0F]);
			}
		}
		return encoded.toString();
	}

	private static boolean isUnreserved(char c) {
		return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9') || c == '-' || c == '.'
				|| c == '_' || c == '~';
	}

}
