package se.scbdelivery.simulator;

import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;

import org.jspecify.annotations.Nullable;

/**
 * How to run a {@link ScbStandIn}. Start from {@link #defaults()} and change what the
 * test or command needs with the {@code with...} methods.
 *
 * @param host the address to bind
 * @param port the port to bind; 0 picks a free one
 * @param tls HTTPS settings, or {@code null} for plain HTTP
 * @param pollsBeforeFinal how many history calls for a delivery answer {@code Bearbetar}
 * before its final status, and how many generic status calls for a ticket answer 202
 * ({@code Not processed}) before 302
 * @param maxFragmentSize the largest {@code File} part accepted; larger ones get 413
 * @param partialUploadsSurviveNewSession whether a partial upload can be continued after
 * a new heartbeat (a new session); when false, each session has its own partial uploads
 * @param processing how long SCB takes to process what it was sent: a delivery's history
 * answers {@code Bearbetar} until this long after its completion was answered, and a
 * ticket's status 202 until this long after its POST, however often they are polled; the
 * {@code pollsBeforeFinal} polls come first all the same. Zero for no wait; a
 * {@link se.scbdelivery.simulator.server.Faults#processing processing fault} overrides it
 * @param completionCheck how long SCB checks the assembled file before it answers GDB's
 * completing fragment {@code -1} and the generic service's POST, as SCB does at
 * month-end; the request takes effect (DeliveryId or ticket) only when the check is over,
 * so a client that gives up first leaves no trace but what arrived. Zero to answer at
 * once; comes after any delay fault, and not before a respond fault's answer
 * @param clock the stand-in's clock: the time it answers and stamps with, and by which
 * {@code processing} passes
 */
public record StandInOptions(String host, int port, @Nullable Tls tls, int pollsBeforeFinal, int maxFragmentSize,
		boolean partialUploadsSurviveNewSession, Duration processing, Duration completionCheck, Clock clock) {

	/** SCB's largest fragment: 1024 × 9000 bytes. */
	public static final int SCB_MAX_FRAGMENT_SIZE = 9_216_000;

	public StandInOptions {
		if (host == null || host.isBlank()) {
			throw new IllegalArgumentException("stand-in host is missing: give an address such as 127.0.0.1");
		}
		if (port < 0 || port > 65535) {
			throw new IllegalArgumentException("stand-in port " + port + " is not 0 (any free port) to 65535");
		}
		if (pollsBeforeFinal < 0) {
			throw new IllegalArgumentException("pollsBeforeFinal " + pollsBeforeFinal + " must be 0 or more");
		}
		if (maxFragmentSize < 1) {
			throw new IllegalArgumentException("maxFragmentSize " + maxFragmentSize + " must be 1 or more");
		}
		if (processing == null || processing.isNegative()) {
			throw new IllegalArgumentException("processing " + processing + " must be zero or more");
		}
		if (completionCheck == null || completionCheck.isNegative()) {
			throw new IllegalArgumentException("completion check " + completionCheck + " must be zero or more");
		}
		if (clock == null) {
			throw new IllegalArgumentException("the stand-in needs a clock");
		}
	}

	/**
	 * 127.0.0.1, a free port, plain HTTP, two polls before the final status, SCB's
	 * fragment limit, no processing time, completions answered at once, the system's UTC
	 * clock.
	 */
	public static StandInOptions defaults() {
		return new StandInOptions("127.0.0.1", 0, null, 2, SCB_MAX_FRAGMENT_SIZE, true, Duration.ZERO, Duration.ZERO,
				Clock.systemUTC());
	}

	public StandInOptions withHost(String host) {
		return new StandInOptions(host, this.port, this.tls, this.pollsBeforeFinal, this.maxFragmentSize,
				this.partialUploadsSurviveNewSession, this.processing, this.completionCheck, this.clock);
	}

	public StandInOptions withPort(int port) {
		return new StandInOptions(this.host, port, this.tls, this.pollsBeforeFinal, this.maxFragmentSize,
				this.partialUploadsSurviveNewSession, this.processing, this.completionCheck, this.clock);
	}

	/**
	 * Serves HTTPS (TLS 1.2 and 1.3) with the key and certificate in a PKCS12 key store.
	 */
	public StandInOptions withTls(Path keyStore, String password) {
		return new StandInOptions(this.host, this.port, new Tls(keyStore, password, null, null), this.pollsBeforeFinal,
				this.maxFragmentSize, this.partialUploadsSurviveNewSession, this.processing, this.completionCheck,
				this.clock);
	}

	/**
	 * Requires every client to present a certificate signed by a CA in this PKCS12 trust
	 * store, as SCB does.
	 * @throws IllegalStateException when {@link #withTls} was not given first
	 */
	public StandInOptions withRequiredClientCertificate(Path trustStore, String password) {
		if (this.tls == null) {
			throw new IllegalStateException("a client certificate can only be required over TLS: call withTls first");
		}
		return new StandInOptions(this.host, this.port,
				new Tls(this.tls.keyStore(), this.tls.keyStorePassword(), trustStore, password), this.pollsBeforeFinal,
				this.maxFragmentSize, this.partialUploadsSurviveNewSession, this.processing, this.completionCheck,
				this.clock);
	}

	public StandInOptions withPollsBeforeFinal(int pollsBeforeFinal) {
		return new StandInOptions(this.host, this.port, this.tls, pollsBeforeFinal, this.maxFragmentSize,
				this.partialUploadsSurviveNewSession, this.processing, this.completionCheck, this.clock);
	}

	public StandInOptions withMaxFragmentSize(int maxFragmentSize) {
		return new StandInOptions(this.host, this.port, this.tls, this.pollsBeforeFinal, maxFragmentSize,
				this.partialUploadsSurviveNewSession, this.processing, this.completionCheck, this.clock);
	}

	public StandInOptions withPartialUploadsSurviveNewSession(boolean survive) {
		return new StandInOptions(this.host, this.port, this.tls, this.pollsBeforeFinal, this.maxFragmentSize, survive,
				this.processing, this.completionCheck, this.clock);
	}

	/** SCB's pace: see {@link #processing()}. */
	public StandInOptions withProcessing(Duration processing) {
		return new StandInOptions(this.host, this.port, this.tls, this.pollsBeforeFinal, this.maxFragmentSize,
				this.partialUploadsSurviveNewSession, processing, this.completionCheck, this.clock);
	}

	/** SCB's check before it answers a completion: see {@link #completionCheck()}. */
	public StandInOptions withCompletionCheck(Duration completionCheck) {
		return new StandInOptions(this.host, this.port, this.tls, this.pollsBeforeFinal, this.maxFragmentSize,
				this.partialUploadsSurviveNewSession, this.processing, completionCheck, this.clock);
	}

	/** Another clock, such as a test's that it moves on by hand. */
	public StandInOptions withClock(Clock clock) {
		return new StandInOptions(this.host, this.port, this.tls, this.pollsBeforeFinal, this.maxFragmentSize,
				this.partialUploadsSurviveNewSession, this.processing, this.completionCheck, clock);
	}

	/**
	 * The stand-in's TLS material, all PKCS12.
	 *
	 * @param keyStore the server's key and certificate chain
	 * @param clientTrustStore the CAs client certificates must be signed by; {@code null}
	 * when no client certificate is asked for
	 */
	public record Tls(Path keyStore, String keyStorePassword, @Nullable Path clientTrustStore,
			@Nullable String clientTrustStorePassword) {

		public boolean requiresClientCertificate() {
			return this.clientTrustStore != null;
		}

		@Override
		public String toString() {
			return "Tls[keyStore=" + this.keyStore + ", clientTrustStore=" + this.clientTrustStore
					+ ", passwords hidden]";
		}

	}

}
