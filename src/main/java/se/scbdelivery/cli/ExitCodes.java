package se.scbdelivery.cli;

/**
 * The process exit codes of INTERFACE.md, for the commands that are not a delivery
 * outcome.
 */
final class ExitCodes {

	static final int OK = 0;

	static final int TECHNICAL_FAILURE = 1;

	static final int INVALID_INPUT = 2;

	private ExitCodes() {
	}

}
