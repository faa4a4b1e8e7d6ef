package se.scbdelivery.simulator.gdb;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

import org.jspecify.annotations.Nullable;

/**
 * Reads the one {@code File} part from a {@code multipart/form-data} body (RFC 7578).
 * Works on bytes: part content may be binary and is never decoded. Part headers are read
 * as UTF-8, which is how clients send non-ASCII file names.
 */
final class GdbMultipartForm {

	static final String FILE_PART = "File";

	private static final byte[] CRLF = { '\r', '\n' };

	private static final byte[] HEADERS_END = { '\r', '\n', '\r', '\n' };

	/** The {@code File} part: its filename and content. */
	record FilePart(String fileName, byte[] content) {

	}

	private record Part(@Nullable String name, @Nullable String fileName, byte[] content) {

	}

	private GdbMultipartForm() {
	}

	/**
	 * @throws IllegalArgumentException saying what is wrong, for a 400 answer: not
	 * multipart, no boundary, a malformed body, or not exactly one {@code File} part with
	 * a filename
	 */
	static FilePart filePart(@Nullable String contentType, byte[] body) {
		String boundary = boundary(contentType);
		List<Part> files = new ArrayList<>();
		List<String> names = new ArrayList<>();
		for (Part part : parts(body, boundary)) {
			names.add(String.valueOf(part.name()));
			if (FILE_PART.equals(part.name())) {
				files.add(part);
			}
		}
		if (files.size() != 1) {
			throw new IllegalArgumentException("the body must have exactly one part named '" + FILE_PART
					+ "' (case matters); it has " + files.size() + " among parts " + names);
		}
		Part file = files.get(0);
		if (file.fileName() == null || file.fileName().isEmpty()) {
			throw new IllegalArgumentException(
					"the '" + FILE_PART + "' part has no filename in its Content-Disposition header");
		}
		return new FilePart(file.fileName(), file.content());
	}

	private static String boundary(@Nullable String contentType) {
		if (contentType == null) {
			throw new IllegalArgumentException("Content-Type is missing: only multipart/form-data is accepted");
		}
		String[] pieces = contentType.split(";");
		if (!pieces[0].trim().equalsIgnoreCase("multipart/form-data")) {
			throw new IllegalArgumentException(
					"Content-Type is '" + pieces[0].trim() + "': only multipart/form-data is accepted");
		}
		Map<String, String> parameters = parameters(contentType.substring(pieces[0].length()));
		String boundary = parameters.get("boundary");
		if (boundary == null || boundary.isEmpty()) {
			throw new IllegalArgumentException("Content-Type multipart/form-data has no boundary parameter");
		}
		return boundary;
	}

	private static List<Part> parts(byte[] body, String boundary) {
		byte[] delimiter = ("--" + boundary).getBytes(StandardCharsets.ISO_8859_1);
		int position = firstDelimiter(body, delimiter);
		List<Part> parts = new ArrayList<>();
		while (true) {
			int after = position + delimiter.length;
			if (startsWith(body, after, new byte[] { '-', '-' })) {
				return parts;
			}
			while (after < body.length && (body[after] == ' ' || body[after] == '\t')) {
				after++;
			}
			if (!startsWith(body, after, CRLF)) {
				throw new IllegalArgumentException("multipart body: a boundary line is not followed by CRLF");
			}
			int headersStart = after + CRLF.length;
			int contentStart;
			String headers;
			if (startsWith(body, headersStart, CRLF)) {
				headers = "";
				contentStart = headersStart + CRLF.length;
			}
			else {
				int headersEnd = indexOf(body, HEADERS_END, headersStart);
				if (headersEnd < 0) {
					throw new IllegalArgumentException("multipart body: a part's headers do not end with a blank line");
				}
				headers = new String(body, headersStart, headersEnd - headersStart, StandardCharsets.UTF_8);
				contentStart = headersEnd + HEADERS_END.length;
			}
			int next = indexOf(body, concat(CRLF, delimiter), contentStart);
			if (next < 0) {
				throw new IllegalArgumentException("multipart body: a part is not closed by the boundary");
			}
			parts.add(part(headers, Arrays.copyOfRange(body, contentStart, next)));
			position = next + CRLF.length;
		}
	}

	private static int firstDelimiter(byte[] body, byte[] delimiter) {
		int position = indexOf(body, delimiter, 0);
		// a preamble may contain the boundary text, but a delimiter starts a line
		while (position > 0 && !(position >= 2 && body[position - 2] == '\r' && body[position - 1] == '\n')) {
			position = indexOf(body, delimiter, position + 1);
		}
		if (position < 0) {
			throw new IllegalArgumentException("multipart body: the boundary from Content-Type does not occur in it");
		}
		return position;
	}

	private static Part part(String headers, byte[] content) {
		for (String line : headers.split("\r\n")) {
			int colon = line.indexOf(':');
			if (colon > 0 && line.substring(0, colon).trim().equalsIgnoreCase("Content-Disposition")) {
				String value = line.substring(colon + 1).trim();
				int semicolon = value.indexOf(';');
				Map<String, String> parameters = parameters((semicolon < 0) ? "" : value.substring(semicolon));
				return new Part(parameters.get("name"), parameters.get("filename"), content);
			}
		}
		return new Part(null, null, content);
	}

	/**
	 * Parses {@code ; key=value; key="quoted \" value"} into lower-case keys and unquoted
	 * values.
	 */
	private static Map<String, String> parameters(String text) {
		Map<String, String> parameters = new LinkedHashMap<>();
		int i = 0;
		while (i < text.length()) {
			while (i < text.length() && (text.charAt(i) == ';' || Character.isWhitespace(text.charAt(i)))) {
				i++;
			}
			int keyStart = i;
			while (i < text.length() && text.charAt(i) != '=' && text.charAt(i) != ';') {
				i++;
			}
			String key = text.substring(keyStart, i).trim().toLowerCase(Locale.ROOT);
			if (i >= text.length() || text.charAt(i) == ';') {
				continue;
			}
			i++;
			StringBuilder value = new StringBuilder();
			if (i < text.length() && text.charAt(i) == '"') {
				i++;
				while (i < text.length() && text.charAt(i) != '"') {
					if (text.charAt(i) == '\\' && i + 1 < text.length()) {
						i++;
					}
					value.append(text.charAt(i++));
				}
				i++;
			}
			else {
				while (i < text.length() && text.charAt(i) != ';') {
					value.append(text.charAt(i++));
				}
			}
			parameters.putIfAbsent(key, value.toString().trim());
		}
		return parameters;
	}

	private static boolean startsWith(byte[] body, int offset, byte[] prefix) {
		return offset + prefix.length <= body.length
				&& Arrays.equals(body, offset, offset + prefix.length, prefix, 0, prefix.length);
	}

	private static int indexOf(byte[] body, byte[] pattern, int from) {
		int last = body.length - pattern.length;
		for (int i = Math.max(from, 0); i <= last; i++) {
			if (body[i] == pattern[0] && startsWith(body, i, pattern)) {
				return i;
			}
		}
		return -1;
	}

	private static byte[] concat(byte[] first, byte[] second) {
		byte[] joined = Arrays.copyOf(first, first.length + second.length);
		System.arraycopy(second, 0, joined, first.length, second.length);
		return joined;
	}

}
