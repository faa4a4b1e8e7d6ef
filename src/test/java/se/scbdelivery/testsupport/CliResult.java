package se.scbdelivery.testsupport;

import java.util.regex.Matcher;
import java.util.regex.Pattern;

import static org.assertj.core.api.Assertions.assertThat;

/** What one command printed and returned. */
public record CliResult(int exitCode, String out, String err) {

	private static final Pattern EXECUTION = Pattern.compile("Delivery (\\d+): ");

	/**
	 * The execution id of the first "Delivery N: " line on stdout; fails the test when
	 * there is none.
	 */
	public long execution() {
		Matcher matcher = EXECUTION.matcher(this.out);
		assertThat(matcher.find()).as("an execution id in " + this).isTrue();
		return Long.parseLong(matcher.group(1));
	}

	@Override
	public String toString() {
		return "exit " + this.exitCode + "\n--- stdout\n" + this.out + "--- stderr\n" + this.err;
	}

}
