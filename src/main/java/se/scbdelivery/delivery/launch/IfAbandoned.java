package se.scbdelivery.delivery.launch;

/** What a delivery of a file does when a person abandoned its earlier delivery. */
public enum IfAbandoned {

	/** Reports the abandoned delivery and sends nothing: what a scan does. */
	LEAVE_IT,

	/**
	 * Delivers the file anew, as a delivery of its own: what an explicit deliver does.
	 */
	DELIVER_ANEW

}
