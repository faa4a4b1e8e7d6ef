package se.scbdelivery.scb.http;

import org.jspecify.annotations.Nullable;

/**
 * The TLS handshake failed: the server refused our client certificate, or its own
 * certificate or host name could not be verified. Not transient: retrying will not help.
 */
public final class ScbTlsException extends ScbCallException {

	public ScbTlsException(String call, String reason, @Nullable Throwable cause) {
		super(call, call + " failed in the TLS handshake: " + reason, cause);
	}

}
