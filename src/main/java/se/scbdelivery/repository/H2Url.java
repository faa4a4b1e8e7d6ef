package se.scbdelivery.repository;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.stream.Collectors;

/**
 * An H2 JDBC URL as H2 reads it: the database ({@code jdbc:h2:} and what follows up to
 * the first {@code ;}) and its {@code ;KEY=VALUE} settings, whose keys H2 compares
 * without regard to case and whose values may hold a {@code ;} escaped as {@code \;}.
 * Settings keep the text they were written with.
 */
record H2Url(String database, List<Setting> settings) {

	private static final String PREFIX = "jdbc:h2:";

	H2Url {
		settings = List.copyOf(settings);
	}

	/** The URL's parts, or empty when it is not an H2 URL. */
	static Optional<H2Url> parse(String url) {
		if (!url.startsWith(PREFIX)) {
			return Optional.empty();
		}
		int end = url.indexOf(';');
		if (end < 0) {
			return Optional.of(new H2Url(url, List.of()));
		}
		List<Setting> settings = new ArrayList<>();
		StringBuilder setting = new StringBuilder();
		for (int i = end + 1; i < url.length(); i++) {
			char c = url.charAt(i);
			if (c == '\\' && i + 1 < url.length()) {
				setting.append(c).append(url.charAt(++i));
			}
			else if (c == ';') {
				add(settings, setting);
			}
			else {
				setting.append(c);
			}
		}
		add(settings, setting);
		return Optional.of(new H2Url(url.substring(0, end), settings));
	}

	private static void add(List<Setting> settings, StringBuilder setting) {
		// H2 skips empty settings, as in "...;;..." or a trailing ";"
		if (!setting.isEmpty()) {
			settings.add(new Setting(setting.toString()));
		}
		setting.setLength(0);
	}

	/** An in-memory database ({@code jdbc:h2:mem:}), gone with its process. */
	boolean inMemory() {
		return location().startsWith("mem:");
	}

	/**
	 * A database that an H2 server holds ({@code jdbc:h2:tcp:}, {@code jdbc:h2:ssl:}): it
	 * is the server's process that writes the file.
	 */
	boolean onServer() {
		return location().startsWith("tcp:") || location().startsWith("ssl:");
	}

	private String location() {
		return this.database.substring(PREFIX.length());
	}

	/** The values of every setting with this key, in the order written. */
	List<String> values(String key) {
		return this.settings.stream().filter((setting) -> setting.is(key)).map(Setting::value).toList();
	}

	/** This URL with one more setting, at its end. */
	H2Url with(String key, String value) {
		List<Setting> more = new ArrayList<>(this.settings);
		more.add(new Setting(key + "=" + value));
		return new H2Url(this.database, more);
	}

	/**
	 * This URL without the settings that hold credentials ({@code USER},
	 * {@code PASSWORD}): the form that may be logged or shown.
	 */
	String withoutCredentials() {
		return new H2Url(this.database,
				this.settings.stream().filter((setting) -> !setting.is("USER") && !setting.is("PASSWORD")).toList())
			.toString();
	}

	@Override
	public String toString() {
		return this.database
				+ this.settings.stream().map((setting) -> ";" + setting.text()).collect(Collectors.joining());
	}

	/** One {@code KEY=VALUE} setting, as written. */
	record Setting(String text) {

		String key() {
			int equals = this.text.indexOf('=');
			return (equals < 0) ? this.text : this.text.substring(0, equals);
		}

		String value() {
			int equals = this.text.indexOf('=');
			return (equals < 0) ? "" : this.text.substring(equals + 1);
		}

		boolean is(String key) {
			return key().toUpperCase(Locale.ROOT).equals(key.toUpperCase(Locale.ROOT));
		}

	}

}
