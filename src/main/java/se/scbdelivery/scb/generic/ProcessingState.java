package se.scbdelivery.scb.generic;

/** The status endpoint's answer: 202 while SCB validates, 302 once it has. */
public enum ProcessingState {

	/** HTTP 202: not processed yet. */
	NOT_PROCESSED,

	/**
	 * HTTP 302: processed; the result can be fetched. The 302 is an answer, never
	 * followed.
	 */
	PROCESSED

}
