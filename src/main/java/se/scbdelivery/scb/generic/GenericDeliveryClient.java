package se.scbdelivery.scb.generic;

import java.nio.file.Path;

/**
 * SCB's generic delivery service ("inlämningstjänst"): the whole file base64-encoded in
 * one JSON POST, a ticket back, a status endpoint, then the validation result. Blocking;
 * one shared instance. Failures are the same
 * {@link se.scbdelivery.scb.http.ScbCallException}s as the GDB client's.
 */
public interface GenericDeliveryClient {

	/**
	 * The first call, which initialises the certificate authentication; its path is
	 * {@code scb.generic.heartbeat-path}. Any 2xx is success.
	 */
	void heartbeat();

	/**
	 * {@code POST api/v1/delivery}: streams the JSON envelope and the file's base64 to
	 * the connection as the file is read, with an exact Content-Length, so memory does
	 * not grow with the file. SCB answers only after it has checked the body, so the
	 * answer is awaited for {@code scb.http.completion-timeout}. Every POST makes a new
	 * ticket, so only faults where SCB surely did not take the POST are retried
	 * (connection refused, 429, 503); a lost answer, a timeout or another 5xx throws
	 * {@link se.scbdelivery.scb.http.ScbUnavailableException} at once — the POST may have
	 * been received.
	 */
	Ticket submit(GenericSubmission submission, Path file);

	/**
	 * The status endpoint ({@code scb.generic.status-path}, {@code {ticket}} replaced):
	 * 202 is {@link ProcessingState#NOT_PROCESSED}, 302
	 * {@link ProcessingState#PROCESSED}. A 302 is never followed.
	 */
	ProcessingState status(Ticket ticket);

	/** {@code GET api/v1/delivery/{ticket}}: the DeliveryResult. */
	ValidationResult result(Ticket ticket);

}
