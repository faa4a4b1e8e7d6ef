package se.scbdelivery.scb.http;

import java.util.Locale;

/**
 * Which of SCB's operations a call is, as metrics name it: a fixed set, so that a label
 * never holds a path, a file name, an organisation number or a DeliveryId.
 */
public enum ScbEndpoint {

	/** GDB {@code GET heartbeat}: the session's cookies and SCB's clock. */
	GDB_HEARTBEAT,

	/** GDB {@code POST file/{index}/...}: one fragment of a file. */
	GDB_FRAGMENT,

	/** GDB {@code POST file/-1/...}: the completion that assembles the fragments. */
	GDB_COMPLETE,

	/** GDB {@code GET history/{DeliveryId}}: how far SCB has processed a delivery. */
	GDB_HISTORY,

	/** The generic service's heartbeat. */
	GENERIC_HEARTBEAT,

	/** The generic service's submission of a whole file. */
	GENERIC_SUBMIT,

	/** The generic service's processing status of a ticket. */
	GENERIC_STATUS,

	/** The generic service's validation result of a ticket. */
	GENERIC_RESULT;

	/** The label value, e.g. {@code gdb_fragment}. */
	public String label() {
		return name().toLowerCase(Locale.ROOT);
	}

}
