package se.scbdelivery.repository;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;

/**
 * What the program relies on of a job repository in an H2 file, made to hold whatever URL
 * the operator wrote. {@code WRITE_DELAY=0}: every commit is in the file before the next
 * fragment is sent; with H2's default (500 ms) a killed process loses the newest fragment
 * checkpoints, and the next run uploads again what SCB had acknowledged.
 * {@code DB_CLOSE_ON_EXIT=FALSE}: on SIGTERM H2's own shutdown hook would close the
 * database under the graceful stop, which then cannot record the deliveries as STOPPED.
 * <p>
 * A URL that lacks them gets them; one that says otherwise is refused, as is
 * {@code AUTO_SERVER=TRUE}, which H2 cannot combine with {@code DB_CLOSE_ON_EXIT=FALSE}.
 * In-memory databases are gone with their process whatever they say, and a database an H2
 * server holds, like PostgreSQL, is written by the server's process: those URLs and every
 * other kind are left as they are.
 */
final class H2Durability {

	static final String WRITE_DELAY = "WRITE_DELAY";

	static final String DB_CLOSE_ON_EXIT = "DB_CLOSE_ON_EXIT";

	private static final String AUTO_SERVER = "AUTO_SERVER";

	/** What H2 reads as false (its {@code Utils.parseBoolean}). */
	private static final Set<String> FALSE = Set.of("false", "no", "f", "n", "0");

	private H2Durability() {
	}

	/**
	 * A URL with the settings it lacked.
	 *
	 * @param url the URL to use
	 * @param added the settings added
	 * @param written the URL as it was written, without its credentials: the form to log
	 */
	record Amended(String url, List<String> added, String written) {

		Amended {
			added = List.copyOf(added);
		}

	}

	/**
	 * @param url the JDBC URL the job repository would use
	 * @param property how to name the URL to a person: the property, and where it was set
	 * @return the URL with the settings it lacked; empty when it lacks none or is not an
	 * H2 file database
	 * @throws UnsafeJobRepositoryUrlException when it contradicts them; the message, one
	 * line, never holds the URL's credentials
	 */
	static Optional<Amended> amend(String url, String property) {
		Optional<H2Url> parsed = H2Url.parse(url);
		if (parsed.isEmpty() || parsed.get().inMemory() || parsed.get().onServer()) {
			return Optional.empty();
		}
		H2Url h2 = parsed.get();
		for (String value : h2.values(AUTO_SERVER)) {
			if (!FALSE.contains(value.toLowerCase(Locale.ROOT))) {
				throw new UnsafeJobRepositoryUrlException(property + " sets " + AUTO_SERVER + "=" + value
						+ ", which H2 cannot combine with DB_CLOSE_ON_EXIT=FALSE, which this program needs (a SIGTERM "
						+ "must not close the job repository under running deliveries): remove AUTO_SERVER; for "
						+ "several processes on one job repository use PostgreSQL");
			}
		}
		for (String value : h2.values(WRITE_DELAY)) {
			if (!value.equals("0")) {
				throw new UnsafeJobRepositoryUrlException(property + " sets " + WRITE_DELAY + "=" + value
						+ ", but every commit of the job repository must be in its file at once (WRITE_DELAY=0), or a "
						+ "killed process loses the newest fragment checkpoints and the next run uploads again what "
						+ "SCB had acknowledged: remove WRITE_DELAY from the URL (this program sets it)");
			}
		}
		for (String value : h2.values(DB_CLOSE_ON_EXIT)) {
			if (!FALSE.contains(value.toLowerCase(Locale.ROOT))) {
				throw new UnsafeJobRepositoryUrlException(property + " sets " + DB_CLOSE_ON_EXIT + "=" + value
						+ ", but H2 must not close the job repository when the JVM exits (DB_CLOSE_ON_EXIT=FALSE), or "
						+ "a SIGTERM closes it under the running deliveries and they cannot be recorded as STOPPED: "
						+ "remove DB_CLOSE_ON_EXIT from the URL (this program sets it)");
			}
		}
		List<String> added = new ArrayList<>();
		H2Url amended = h2;
		if (h2.values(DB_CLOSE_ON_EXIT).isEmpty()) {
			amended = amended.with(DB_CLOSE_ON_EXIT, "FALSE");
			added.add(DB_CLOSE_ON_EXIT + "=FALSE");
		}
		if (h2.values(WRITE_DELAY).isEmpty()) {
			amended = amended.with(WRITE_DELAY, "0");
			added.add(WRITE_DELAY + "=0");
		}
		if (added.isEmpty()) {
			return Optional.empty();
		}
		return Optional.of(new Amended(amended.toString(), added, h2.withoutCredentials()));
	}

}
