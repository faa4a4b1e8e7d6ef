package se.scbdelivery.delivery.journal;

import se.scbdelivery.scb.gdb.GdbStatus;

/**
 * A final {@code history/} status: SCB's text and its ProgressStatus, kept as received.
 */
public record GdbVerdict(String status, int progressStatus) implements Verdict {

	public GdbStatus gdbStatus() {
		return new GdbStatus(this.status, this.progressStatus);
	}

	@Override
	public String text() {
		return this.status;
	}

	@Override
	public Meaning meaning() {
		return switch (gdbStatus().kind()) {
			case LOADED -> Meaning.LOADED;
			case LOADED_WITH_ERRORS -> Meaning.LOADED_WITH_ERRORS;
			case NOT_LOADED -> Meaning.NOT_LOADED;
			case SYSTEM_ERROR -> Meaning.SYSTEM_ERROR;
			// SCB may add texts: a final one is judged by its ProgressStatus (3 finished
			// OK)
			case UNKNOWN -> (this.progressStatus == 3) ? Meaning.LOADED : Meaning.NOT_LOADED;
			case PROCESSING -> Meaning.NONE;
		};
	}

	@Override
	public String whatToDo() {
		return gdbStatus().whatToDo();
	}

}
