package se.scbdelivery.cli;

import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.BiConsumer;

/**
 * Searches places (a console, a file, a database value) for needles (a secret in the
 * forms it could take once written down) and collects where each was found. The search is
 * on bytes, so text and binary places are searched alike.
 */
final class Leaks {

	/** Something that was written down, and where. */
	record Place(String name, byte[] content) {

		static Place text(String name, String text) {
			return new Place(name, text.getBytes(StandardCharsets.UTF_8));
		}

	}

	/** One form of one secret, as bytes. */
	record Needle(String secret, String form, byte[] bytes) {

		/** Only the text itself, as UTF-8: for the sanity checks. */
		static List<Needle> plain(String text) {
			return List.of(new Needle(text, "as text", text.getBytes(StandardCharsets.UTF_8)));
		}

		/**
		 * The forms a secret takes when it is written somewhere: as UTF-8 text; its ASCII
		 * beginning, if it has letters beyond ASCII (survives a wrong character set);
		 * URL-encoded (form and URI style, either case of hex); JSON-escaped (plain and
		 * HTML-safe, as Gson writes); UTF-16 (Java and PKCS12 internals); and Base64 at
		 * each of the three byte alignments, so it is found inside a longer Base64 text
		 * too.
		 */
		static List<Needle> formsOf(String label, String secret) {
			byte[] utf8 = secret.getBytes(StandardCharsets.UTF_8);
			Map<String, Needle> forms = new LinkedHashMap<>();
			BiConsumer<String, byte[]> add = (form, bytes) -> forms
				.putIfAbsent(new String(bytes, StandardCharsets.ISO_8859_1), new Needle(label, form, bytes));
			add.accept("as text", utf8);
			String asciiStart = secret.chars()
				.takeWhile((c) -> c < 0x80)
				.collect(StringBuilder::new, StringBuilder::appendCodePoint, StringBuilder::append)
				.toString();
			if (asciiStart.length() >= 6 && asciiStart.length() < secret.length()) {
				add.accept("its ASCII beginning '" + asciiStart + "'", ascii(asciiStart));
			}
			String formEncoded = URLEncoder.encode(secret, StandardCharsets.UTF_8);
			String uriEncoded = formEncoded.replace("+", "%20");
			add.accept("URL-encoded", ascii(formEncoded));
			add.accept("URL-encoded, lower-case hex", ascii(lowerCaseHex(formEncoded)));
			add.accept("percent-encoded", ascii(uriEncoded));
			add.accept("percent-encoded, lower-case hex", ascii(lowerCaseHex(uriEncoded)));
			add.accept("JSON-escaped", ascii(jsonEscaped(secret, "/", false)));
			add.accept("JSON-escaped, HTML-safe", ascii(jsonEscaped(secret, "<>&='", true)));
			add.accept("UTF-16BE", secret.getBytes(StandardCharsets.UTF_16BE));
			add.accept("UTF-16LE", secret.getBytes(StandardCharsets.UTF_16LE));
			for (int shift = 0; shift < 3; shift++) {
				add.accept("Base64 (alignment " + shift + ")", ascii(base64Core(utf8, shift)));
			}
			return List.copyOf(forms.values());
		}

		private static byte[] ascii(String text) {
			return text.getBytes(StandardCharsets.US_ASCII);
		}

		/**
		 * The Base64 characters that depend only on the secret when it starts
		 * {@code shift} bytes into a 3-byte group: what any longer Base64 text containing
		 * it must contain.
		 */
		private static String base64Core(byte[] secret, int shift) {
			byte[] shifted = new byte[shift + secret.length];
			System.arraycopy(secret, 0, shifted, shift, secret.length);
			String encoded = Base64.getEncoder().encodeToString(shifted);
			int start = (shift == 0) ? 0 : 4;
			int end = 4 * (shifted.length / 3);
			return encoded.substring(start, end);
		}

		private static String lowerCaseHex(String urlEncoded) {
			StringBuilder out = new StringBuilder(urlEncoded);
			for (int i = out.indexOf("%"); i >= 0; i = out.indexOf("%", i + 1)) {
				out.replace(i + 1, i + 3, out.substring(i + 1, i + 3).toLowerCase());
			}
			return out.toString();
		}

		/**
		 * Non-ASCII as \\uXXXX; the given characters as \\uXXXX, or else after a
		 * backslash.
		 */
		private static String jsonEscaped(String secret, String escaped, boolean asUnicode) {
			StringBuilder out = new StringBuilder();
			secret.chars().forEach((c) -> {
				if (c >= 0x80 || (asUnicode && escaped.indexOf(c) >= 0)) {
					out.append(String.format("\\u%04x", c));
				}
				else if (escaped.indexOf(c) >= 0) {
					out.append('\\').append((char) c);
				}
				else {
					out.append((char) c);
				}
			});
			return out.toString();
		}

		@Override
		public String toString() {
			return this.secret + " (" + this.form + ")";
		}

	}

	private final Set<String> found = new LinkedHashSet<>();

	private Leaks() {
	}

	/** Every place where any of the needles occurs, as "place: needle" lines. */
	static Leaks search(List<Place> places, List<Needle> needles) {
		Leaks leaks = new Leaks();
		for (Place place : places) {
			for (Needle needle : needles) {
				int at = indexOf(place.content(), needle.bytes());
				if (at >= 0) {
					leaks.found
						.add(place.name() + " (line " + lineAt(place.content(), at) + ", byte " + at + "): " + needle);
				}
			}
		}
		return leaks;
	}

	List<String> found() {
		return List.copyOf(this.found);
	}

	/** Whether any needle was found in a place whose name starts with this. */
	boolean foundIn(String placePrefix) {
		return this.found.stream().anyMatch((line) -> line.startsWith(placePrefix));
	}

	private static int lineAt(byte[] content, int at) {
		int line = 1;
		for (int i = 0; i < at; i++) {
			if (content[i] == '\n') {
				line++;
			}
		}
		return line;
	}

	private static int indexOf(byte[] haystack, byte[] needle) {
		outer: for (int i = 0; i <= haystack.length - needle.length; i++) {
			for (int j = 0; j < needle.length; j++) {
				if (haystack[i + j] != needle[j]) {
					continue outer;
				}
			}
			return i;
		}
		return -1;
	}

	@Override
	public String toString() {
		return this.found.isEmpty() ? "nowhere" : String.join("\n", this.found);
	}

}
