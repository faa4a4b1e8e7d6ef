package se.scbdelivery.scb.gdb;

import java.nio.file.Path;

/**
 * SCB's GDB M2M v2 API (VINN and KRITA): heartbeat, fragment upload, history. Blocking;
 * one instance is shared by all deliveries, and each delivery carries its own
 * {@link GdbSession}. Every call retries transient faults (bounded, with backoff and
 * jitter, honouring {@code Retry-After}) and then throws
 * {@link se.scbdelivery.scb.http.ScbUnavailableException}; a 4xx throws
 * {@link se.scbdelivery.scb.http.ScbRefusedException} at once; an unusable 2xx answer
 * throws {@link se.scbdelivery.scb.http.ScbBadAnswerException}; a failed handshake throws
 * {@link se.scbdelivery.scb.http.ScbTlsException}.
 */
public interface GdbClient {

	/**
	 * {@code GET heartbeat}: checks the connection and certificate; keeps the cookies.
	 */
	GdbSession heartbeat();

	/**
	 * {@code POST file/{index}/...}: one data fragment, {@code length} bytes of
	 * {@code file} from {@code offset}, streamed from disk as the multipart part
	 * {@code File}. Re-sending an index is safe: SCB keeps the latest copy.
	 */
	void uploadFragment(GdbSession session, UploadTarget target, int index, Path file, long offset, int length);

	/**
	 * {@code POST file/-1/...} with an empty part: completes the upload. SCB checks the
	 * assembled file before it answers, so the answer is awaited for
	 * {@code scb.http.completion-timeout} and the fragment is never sent again while SCB
	 * may still be checking it; only a lost answer (none within that timeout, or the
	 * connection closed after sending) is retried like any other call's.
	 */
	DeliveryReceipt complete(GdbSession session, UploadTarget target);

	/** {@code GET history/{deliveryId}}. */
	HistoryEntry history(GdbSession session, DeliveryId deliveryId);

}
