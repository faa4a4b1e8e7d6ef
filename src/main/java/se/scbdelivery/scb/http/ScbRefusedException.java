package se.scbdelivery.scb.http;

/**
 * SCB answered with a 4xx (other than 429): the request itself was refused. Never
 * retried; SCB's answer body is kept so it can be reported.
 */
public final class ScbRefusedException extends ScbCallException {

	private final int status;

	private final String body;

	public ScbRefusedException(String call, int status, String body) {
		super(call, call + " was refused by SCB with HTTP " + status + (body.isBlank() ? "" : ": " + oneLine(body)),
				null);
		this.status = status;
		this.body = body;
	}

	public int status() {
		return this.status;
	}

	/** SCB's answer, as received (bounded by {@code scb.http.max-answer-bytes}). */
	public String body() {
		return this.body;
	}

	static String oneLine(String text) {
		String flat = text.replaceAll("\\s+", " ").trim();
		return (flat.length() > 300) ? flat.substring(0, 300) + "…" : flat;
	}

}
