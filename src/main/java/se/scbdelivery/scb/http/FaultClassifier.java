package se.scbdelivery.scb.http;

import java.io.IOException;
import java.net.ConnectException;
import java.util.Locale;
import javax.net.ssl.SSLException;

import io.netty.channel.ConnectTimeoutException;
import io.netty.handler.ssl.SslHandshakeTimeoutException;
import io.netty.handler.timeout.ReadTimeoutException;
import io.netty.handler.timeout.WriteTimeoutException;
import org.jspecify.annotations.Nullable;
import reactor.netty.http.client.PrematureCloseException;

/**
 * Sorts what Reactor Netty throws into a transient fault (retried), a TLS failure (not
 * retried: the same certificates will fail again) or a programming error (thrown as is).
 * A transient fault also says whether the request surely never reached the server, which
 * decides whether a {@link RetryScope#REQUEST_NOT_PROCESSED} call may be retried.
 */
final class FaultClassifier {

	private final AnswerTimeouts timeouts;

	FaultClassifier(AnswerTimeouts timeouts) {
		this.timeouts = timeouts;
	}

	/**
	 * @param wait how long the call waited for its answer, named when none came in time
	 */
	RuntimeException classify(String call, AnswerWait wait, Throwable error) {
		if (error instanceof ScbCallException || error instanceof TransientFault) {
			return (RuntimeException) error;
		}
		// The handshake, connecting and a refused connection all come before the request
		// is sent.
		if (find(error, SslHandshakeTimeoutException.class) != null) {
			return new TransientFault(CallResult.TIMEOUT, "the TLS handshake timed out", null, true, error);
		}
		// TLS before I/O: a refused client certificate can also close the connection
		// early.
		SSLException tls = find(error, SSLException.class);
		if (tls != null) {
			return new ScbTlsException(call, tlsReason(tls), error);
		}
		if (find(error, PrematureCloseException.class) != null) {
			return new TransientFault(CallResult.CONNECTION, "the connection closed before the answer arrived", null,
					false, error);
		}
		if (find(error, ReadTimeoutException.class) != null) {
			return new TransientFault(CallResult.TIMEOUT, "no answer within " + this.timeouts.describe(wait), null,
					false, error);
		}
		if (find(error, WriteTimeoutException.class) != null) {
			return new TransientFault(CallResult.TIMEOUT, "sending stalled for " + this.timeouts.describeSending(),
					null, false, error);
		}
		if (find(error, ConnectTimeoutException.class) != null) {
			return new TransientFault(CallResult.TIMEOUT, "connecting timed out: " + error.getMessage(), null, true,
					error);
		}
		if (find(error, ConnectException.class) != null) {
			return new TransientFault(CallResult.CONNECTION, "connection refused: " + error.getMessage(), null, true,
					error);
		}
		IOException io = find(error, IOException.class);
		if (io != null) {
			return new TransientFault(CallResult.CONNECTION, "I/O error: " + io, null, false, error);
		}
		if (error instanceof RuntimeException runtime) {
			return runtime;
		}
		return new IllegalStateException(call + " failed unexpectedly: " + error, error);
	}

	private static String tlsReason(SSLException tls) {
		String message = String.valueOf(tls.getMessage());
		String lower = message.toLowerCase(Locale.ROOT);
		if (lower.contains("pkix") || lower.contains("unable to find valid certification path")) {
			return "the server's certificate is not issued by a trusted CA (add its CA with scb.tls.trust-store)";
		}
		if (lower.contains("subject alternative") || lower.contains("no name matching")) {
			return "the server's certificate is not valid for this host name (" + firstLine(message) + ")";
		}
		if (lower.contains("certificate_required") || lower.contains("bad_certificate") || lower.contains("unknown_ca")
				|| lower.contains("certificate_unknown") || lower.contains("certificate_expired")
				|| lower.contains("access_denied")) {
			return "the server refused our client certificate (" + firstLine(message)
					+ "): check scb.tls.key-store and its expiry, and that it is for this environment (SCB's test"
					+ " and production environments each accept only their own certificates)";
		}
		return firstLine(message);
	}

	private static String firstLine(String text) {
		int end = text.indexOf('\n');
		return (end < 0) ? text : text.substring(0, end);
	}

	private static <T extends Throwable> @Nullable T find(Throwable error, Class<T> type) {
		for (Throwable current = error; current != null; current = current.getCause()) {
			if (type.isInstance(current)) {
				return type.cast(current);
			}
			if (current.getCause() == current) {
				break;
			}
		}
		return null;
	}

}
