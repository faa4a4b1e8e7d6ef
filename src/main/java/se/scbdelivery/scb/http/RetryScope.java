package se.scbdelivery.scb.http;

/**
 * Which transient faults a call may be retried after. Decided per call because retrying
 * is only safe when repeating the request does no harm, or when the server surely never
 * processed it.
 */
public enum RetryScope {

	/**
	 * Every transient fault: I/O errors, timeouts, a lost answer, 5xx and 429. The
	 * default, for requests that may safely be repeated.
	 */
	ANY_TRANSIENT_FAULT,

	/**
	 * Only faults after which the server surely did not process the request: the
	 * connection was refused or never opened (nothing was sent), or it answered 429 or
	 * 503. For requests that create something each time they arrive; any other fault ends
	 * the call at once.
	 */
	REQUEST_NOT_PROCESSED

}
