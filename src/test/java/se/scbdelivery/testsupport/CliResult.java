package se.scbdelivery.testsupport;

/** What one command printed and returned. */
public record CliResult(int exitCode, String out, String err) {

	@Override
	public String toString() {
		return "exit " + this.exitCode + "\n--- stdout\n" + this.out + "--- stderr\n" + this.err;
	}

}
