package se.scbdelivery.simulator.server;

/** The stand-in's two APIs. */
public enum Channel {

	/** SCB's GDB M2M v2 API: fragments, completion, history. */
	GDB,

	/**
	 * SCB's generic delivery service: a POST with the file, a ticket, its status and
	 * result.
	 */
	GENERIC

}
