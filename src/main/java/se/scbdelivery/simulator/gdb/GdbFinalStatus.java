package se.scbdelivery.simulator.gdb;

import org.jspecify.annotations.Nullable;

/**
 * A history Status text with the ProgressStatus and FileWasUploaded SCB reports with it
 * (PROTOCOL.md §1).
 */
record GdbFinalStatus(String text, int progressStatus, boolean fileWasUploaded) {

	static final String PROCESSING = "Bearbetar";

	static final String LOADED = "Inläst";

	/**
	 * SCB's table. A text it does not list is reported as finished with error and not
	 * uploaded, unless {@code progress} chooses another ProgressStatus.
	 */
	static GdbFinalStatus of(String text, @Nullable Integer progress) {
		GdbFinalStatus known = switch (text) {
			case PROCESSING -> new GdbFinalStatus(text, 1, false);
			case LOADED -> new GdbFinalStatus(text, 3, true);
			case "Inläst med fel" -> new GdbFinalStatus(text, 2, true);
			default -> new GdbFinalStatus(text, 2, false);
		};
		return (progress != null) ? new GdbFinalStatus(text, progress, known.fileWasUploaded) : known;
	}

}
