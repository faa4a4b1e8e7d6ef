package se.scbdelivery.scb.gdb;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/**
 * A strict reader of a recorded multipart/form-data body, to check what went on the wire.
 */
final class MultipartParts {

	record Part(String headers, byte[] content) {

		String header(String name) {
			return Arrays.stream(this.headers.split("\r\n"))
				.filter((line) -> line.regionMatches(true, 0, name + ":", 0, name.length() + 1))
				.map((line) -> line.substring(name.length() + 1).trim())
				.findFirst()
				.orElseThrow(() -> new AssertionError("no " + name + " header in " + this.headers));
		}

	}

	private MultipartParts() {
	}

	static List<Part> parse(byte[] body, String contentType) {
		String boundary = contentType.replaceFirst("(?i)^multipart/form-data;\\s*boundary=", "");
		byte[] delimiter = ("--" + boundary).getBytes(StandardCharsets.US_ASCII);
		byte[] next = ("\r\n--" + boundary).getBytes(StandardCharsets.US_ASCII);
		if (indexOf(body, delimiter, 0) != 0) {
			throw new AssertionError("body does not start with the boundary");
		}
		List<Part> parts = new ArrayList<>();
		int position = delimiter.length;
		while (true) {
			if (body[position] == '-' && body[position + 1] == '-') {
				String rest = new String(body, position, body.length - position, StandardCharsets.US_ASCII);
				if (!rest.equals("--\r\n")) {
					throw new AssertionError("unexpected bytes after the closing boundary: " + rest);
				}
				return parts;
			}
			position += 2; // CRLF after the boundary
			int headersEnd = indexOf(body, "\r\n\r\n".getBytes(StandardCharsets.US_ASCII), position);
			String headers = new String(body, position, headersEnd - position, StandardCharsets.UTF_8);
			int contentStart = headersEnd + 4;
			int contentEnd = indexOf(body, next, contentStart);
			parts.add(new Part(headers, Arrays.copyOfRange(body, contentStart, contentEnd)));
			position = contentEnd + next.length;
		}
	}

	private static int indexOf(byte[] haystack, byte[] needle, int from) {
		outer: for (int i = from; i <= haystack.length - needle.length; i++) {
			for (int j = 0; j < needle.length; j++) {
				if (haystack[i + j] != needle[j]) {
					continue outer;
				}
			}
			return i;
		}
		throw new AssertionError("boundary not found");
	}

}
