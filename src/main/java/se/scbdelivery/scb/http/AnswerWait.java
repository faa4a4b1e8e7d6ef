package se.scbdelivery.scb.http;

/**
 * How long a call waits for its answer once its request is sent. Decided per call because
 * SCB answers a few calls only after checking the whole file, which at month-end takes
 * minutes; sending such a call again while SCB still checks the first may leave SCB
 * holding the file twice.
 */
public enum AnswerWait {

	/**
	 * {@code scb.http.response-timeout}: SCB answers as soon as it has taken the request.
	 * The default.
	 */
	RESPONSE_TIMEOUT,

	/**
	 * {@code scb.http.completion-timeout}: SCB checks the assembled file before it
	 * answers, as it does for GDB's completing fragment {@code -1} and the generic
	 * service's POST. Sending still stalls no longer than the response timeout.
	 */
	COMPLETION_TIMEOUT

}
