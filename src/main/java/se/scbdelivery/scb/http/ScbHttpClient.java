package se.scbdelivery.scb.http;

import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;

import io.netty.channel.ChannelOption;
import io.netty.handler.codec.http.HttpHeaderNames;
import io.netty.handler.ssl.SslContext;
import io.netty.handler.timeout.WriteTimeoutHandler;
import org.jspecify.annotations.Nullable;
import reactor.core.Exceptions;
import reactor.netty.http.client.HttpClient;
import reactor.netty.resources.ConnectionProvider;

import se.scbdelivery.config.ScbProperties;

/**
 * The one HTTP client for SCB, shared by every delivery and by both APIs: mutual TLS,
 * every timeout set, redirects not followed, answers read up to
 * {@code scb.http.max-answer-bytes} (or the call's own cap), transient faults retried
 * within the call's {@link RetryScope}. Blocking; safe for concurrent use. Keeps no
 * cookies: callers send their session's cookies as headers, so deliveries running at once
 * cannot mix them up. In the application it is one bean on the context's one
 * {@link #connectionPool() pool}, which the context disposes.
 */
public final class ScbHttpClient implements AutoCloseable {

	private static final String WRITE_TIMEOUT_HANDLER = "scbWriteTimeout";

	private final HttpClient client;

	/**
	 * The pool this client made for itself and disposes on {@link #close()}; null on a
	 * caller's pool.
	 */
	private final @Nullable ConnectionProvider ownPool;

	private final TransientFaultRetry retry;

	private final FaultClassifier classifier;

	private final ScbCall.AnswerCap answerCap;

	private final AnswerTimeouts timeouts;

	private final ScbClientObserver observer;

	private ScbHttpClient(ScbProperties.Http http, SslContext tls, TransientFaultRetry retry, ConnectionProvider pool,
			boolean ownsPool, ScbClientObserver observer) {
		this.ownPool = ownsPool ? pool : null;
		this.observer = observer;
		long writeTimeoutMillis = http.responseTimeout().toMillis();
		this.client = HttpClient.create(pool)
			.secure((spec) -> spec.sslContext(tls))
			.option(ChannelOption.CONNECT_TIMEOUT_MILLIS, Math.toIntExact(http.connectTimeout().toMillis()))
			.responseTimeout(http.responseTimeout())
			// responseTimeout only starts once the request is sent; this bounds a stalled
			// upload.
			.doOnRequest((request, connection) -> connection.addHandlerFirst(WRITE_TIMEOUT_HANDLER,
					new WriteTimeoutHandler(writeTimeoutMillis, TimeUnit.MILLISECONDS)))
			// A 302 is SCB's answer (or a login page in between), never a place to send
			// the file.
			.followRedirect(false);
		this.retry = retry;
		this.timeouts = AnswerTimeouts.of(http);
		this.classifier = new FaultClassifier(this.timeouts);
		this.answerCap = new ScbCall.AnswerCap(http.maxAnswerBytes(), "scb.http.max-answer-bytes");
	}

	/**
	 * A new pool of connections to SCB, with the limits every client uses. Whoever makes
	 * it disposes it.
	 */
	public static ConnectionProvider connectionPool() {
		return ConnectionProvider.builder("scb")
			.maxConnections(32)
			// Servers drop idle keep-alive connections; reusing one they dropped costs a
			// retry.
			.maxIdleTime(Duration.ofSeconds(20))
			.evictInBackground(Duration.ofSeconds(30))
			.build();
	}

	/**
	 * The client for the given settings on the caller's pool, waiting between retries in
	 * real time. {@link #close()} leaves the pool open: it is the caller's to dispose.
	 * @throws IllegalArgumentException if a key or trust store cannot be opened (one
	 * line)
	 */
	public static ScbHttpClient create(ScbProperties.Http http, ScbProperties.Tls tls, ConnectionProvider pool) {
		return create(http, tls, pool, ScbClientObserver.NONE);
	}

	/**
	 * {@link #create(ScbProperties.Http, ScbProperties.Tls, ConnectionProvider)}, telling
	 * {@code observer} the certificate it presents and every attempt and retry.
	 * @throws IllegalArgumentException if a key or trust store cannot be opened (one
	 * line)
	 */
	public static ScbHttpClient create(ScbProperties.Http http, ScbProperties.Tls tls, ConnectionProvider pool,
			ScbClientObserver observer) {
		SslContext context = ClientTlsContext.create(tls);
		if (tls.keyStore() != null) {
			observer.certificateInUse(ClientCertificate.chain(tls));
		}
		return new ScbHttpClient(http, context, retry(http, Sleeper.THREAD), pool, false, observer);
	}

	/**
	 * The client for the given settings on a {@link #connectionPool() pool} of its own,
	 * which {@link #close()} disposes, waiting between retries with {@code sleeper}.
	 * @throws IllegalArgumentException if a key or trust store cannot be opened (one
	 * line)
	 */
	public static ScbHttpClient create(ScbProperties.Http http, ScbProperties.Tls tls, Sleeper sleeper) {
		return create(http, tls, sleeper, ScbClientObserver.NONE);
	}

	/**
	 * {@link #create(ScbProperties.Http, ScbProperties.Tls, Sleeper)}, telling
	 * {@code observer} every attempt and retry.
	 */
	static ScbHttpClient create(ScbProperties.Http http, ScbProperties.Tls tls, Sleeper sleeper,
			ScbClientObserver observer) {
		return new ScbHttpClient(http, ClientTlsContext.create(tls), retry(http, sleeper), connectionPool(), true,
				observer);
	}

	private static TransientFaultRetry retry(ScbProperties.Http http, Sleeper sleeper) {
		return new TransientFaultRetry(http, sleeper, Clock.systemUTC(), ThreadLocalRandom.current());
	}

	/**
	 * Sends the call, retrying transient faults within its {@link ScbCall#retryScope()},
	 * and returns the 2xx answer or one with a status the call accepts. Each attempt
	 * waits for its answer as long as the call's {@link ScbCall#answerWait()} says; only
	 * then does a missing answer count as a fault.
	 * @throws ScbRefusedException on a 4xx other than 429, at once, with SCB's body
	 * @throws ScbBadAnswerException on an answer larger than the cap, or a 1xx or 3xx
	 * answer the call does not accept
	 * @throws ScbTlsException when the handshake fails, at once
	 * @throws ScbUnavailableException when transient faults (I/O, timeouts, 5xx, 429)
	 * persisted through every attempt, or at once when the call's scope forbids retrying
	 * one
	 */
	public ScbAnswer execute(ScbCall call) {
		AtomicInteger attempts = new AtomicInteger();
		return this.retry.run(call.name(), call.retryScope(), () -> {
			if (attempts.getAndIncrement() > 0) {
				this.observer.retried(call.endpoint());
			}
			return attempt(call);
		});
	}

	private ScbAnswer attempt(ScbCall call) {
		ScbAnswer answer;
		try {
			answer = send(call);
		}
		catch (RuntimeException ex) {
			RuntimeException fault = this.classifier.classify(call.name(), call.answerWait(), Exceptions.unwrap(ex));
			this.observer.attempted(call.endpoint(), resultOf(fault));
			throw fault;
		}
		try {
			ScbAnswer judged = judge(call, answer);
			this.observer.attempted(call.endpoint(), CallResult.ANSWERED);
			return judged;
		}
		catch (RuntimeException ex) {
			this.observer.attempted(call.endpoint(), resultOf(ex));
			throw ex;
		}
	}

	private static CallResult resultOf(RuntimeException fault) {
		if (fault instanceof TransientFault transientFault) {
			return transientFault.result();
		}
		if (fault instanceof ScbTlsException) {
			return CallResult.TLS;
		}
		if (fault instanceof ScbRefusedException) {
			return CallResult.REFUSED;
		}
		if (fault instanceof ScbBadAnswerException) {
			return CallResult.UNEXPECTED;
		}
		return CallResult.ERROR;
	}

	private ScbAnswer send(ScbCall call) {
		HttpClient.ResponseReceiver<?> request;
		// Reactor Netty's meters name the operation, never the path: it holds file names,
		// organisation numbers and DeliveryIds
		String endpoint = call.endpoint().label();
		HttpClient withHeaders = this.client.headers((headers) -> headers.add(call.headers()))
			.metrics(true, (uri) -> endpoint);
		if (call.answerWait() != AnswerWait.RESPONSE_TIMEOUT) {
			// Only the wait for the answer grows: the write timeout below still bounds a
			// stalled send by the response timeout. A derived client shares the pool.
			withHeaders = withHeaders.responseTimeout(this.timeouts.of(call.answerWait()));
		}
		RequestBody body = call.body();
		if (body == null) {
			request = withHeaders.request(call.method()).uri(call.uri());
		}
		else {
			request = withHeaders.request(call.method()).uri(call.uri()).send((req, out) -> {
				// An exact length keeps Reactor Netty from switching to chunked transfer
				// coding.
				req.header(HttpHeaderNames.CONTENT_TYPE, body.contentType());
				req.header(HttpHeaderNames.CONTENT_LENGTH, Long.toString(body.contentLength()));
				return out.send(body.content().get());
			});
		}
		// One byte more than the cap tells "too large" from "exactly the cap".
		int readLimit = cap(call).bytes() + 1;
		return request
			.response((response, content) -> BoundedBody.read(content, readLimit)
				.map((bytes) -> new ScbAnswer(response.status().code(), response.responseHeaders().copy(), bytes)))
			.single()
			.blockOptional()
			// single() errs on an empty answer rather than completing without one
			.orElseThrow();
	}

	private ScbAnswer judge(ScbCall call, ScbAnswer answer) {
		int status = answer.status();
		byte[] body = answer.body();
		ScbCall.AnswerCap cap = cap(call);
		boolean tooLarge = body.length > cap.bytes();
		String text = new String(body, 0, Math.min(body.length, cap.bytes()), StandardCharsets.UTF_8);
		if ((status >= 200 && status < 300) || call.acceptedStatuses().contains(status)) {
			if (tooLarge) {
				throw new ScbBadAnswerException(call.name(),
						"the answer is larger than " + cap.bytes() + " bytes (" + cap.setting() + ")", null);
			}
			return answer;
		}
		if (status == 429 || status >= 500) {
			// 429 and 503 say the server turned the request away without processing it.
			boolean notProcessed = status == 429 || status == 503;
			String retryAfter = notProcessed ? answer.headers().get(HttpHeaderNames.RETRY_AFTER) : null;
			throw new TransientFault(CallResult.SERVER_ERROR, "HTTP " + status + describe(text), retryAfter,
					notProcessed, null);
		}
		if (status >= 400) {
			throw new ScbRefusedException(call.name(), status, text);
		}
		String location = answer.headers().get(HttpHeaderNames.LOCATION);
		throw new ScbBadAnswerException(call.name(), "HTTP " + status
				+ ((location != null) ? " redirecting to " + location + " (not followed)" : "") + describe(text), null);
	}

	private ScbCall.AnswerCap cap(ScbCall call) {
		return (call.answerCap() != null) ? call.answerCap() : this.answerCap;
	}

	private static String describe(String text) {
		return text.isBlank() ? "" : ": " + ScbAnswer.excerpt(text);
	}

	/**
	 * Closes the pooled connections if the pool is this client's own; a caller's pool
	 * stays open.
	 */
	@Override
	public void close() {
		if (this.ownPool != null) {
			this.ownPool.dispose();
		}
	}

}
