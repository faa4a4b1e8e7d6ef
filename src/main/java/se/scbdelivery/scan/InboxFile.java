package se.scbdelivery.scan;

import java.nio.file.Path;

import se.scbdelivery.delivery.GdbDeliveryRequest;

/** What a scan found at one path of the inbox. */
public sealed interface InboxFile {

	/** The file, relative to the inbox. */
	Path relative();

	/** A file in the layout, ready to deliver. */
	record Ready(Path relative, GdbDeliveryRequest request) implements InboxFile {
	}

	/** A file nothing is sent for: its folders do not parse, or it leaves the inbox. */
	record Invalid(Path relative, String reason) implements InboxFile {
	}

	/** A file left for a later scan: it is still being written. */
	record Skipped(Path relative, String reason) implements InboxFile {
	}

}
