package se.scbdelivery.scb.http;

import java.time.Duration;

import javax.net.ssl.SSLException;

import io.netty.handler.ssl.SslContextBuilder;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import reactor.netty.DisposableServer;
import reactor.netty.http.client.HttpClient;
import reactor.netty.http.server.HttpServer;
import reactor.netty.resources.ConnectionProvider;

/**
 * Prepares, on a second thread while the application starts, what the first call to SCB
 * would otherwise set up on the delivery's own time: Reactor Netty's event loops and DNS
 * resolver, the classes of a TLS context, and the first request's pipeline, codecs and
 * pool, by one request to a server of its own on loopback. On a one-file scan that was
 * about half a second of its own work (docs/benchmarks.md). It never connects to SCB and
 * reads no key store; a failure only costs the first call the time it took before.
 */
public final class ClientWarmup {

	private static final Logger logger = LoggerFactory.getLogger(ClientWarmup.class);

	private static final Duration PATIENCE = Duration.ofSeconds(10);

	private ClientWarmup() {
	}

	/** Starts the warm-up on a daemon thread and returns at once. */
	public static void startInBackground() {
		Thread thread = new Thread(ClientWarmup::warmUp, "scb-client-warmup");
		thread.setDaemon(true);
		thread.start();
	}

	private static void warmUp() {
		try {
			SslContextBuilder.forClient().build();
			HttpClient.create().secure().warmup().block(PATIENCE);
			oneRequestOnLoopback();
		}
		catch (SSLException | RuntimeException ex) {
			logger.debug("Warming up the HTTP client failed; the first call sets it up instead", ex);
		}
	}

	/** One request to a server of its own on loopback, answered and closed at once. */
	private static void oneRequestOnLoopback() {
		DisposableServer server = HttpServer.create()
			.host("127.0.0.1")
			.port(0)
			.handle((request, response) -> response.status(204).send())
			.bindNow(PATIENCE);
		try {
			HttpClient.create(ConnectionProvider.newConnection())
				.get()
				.uri("http://127.0.0.1:" + server.port() + "/")
				.responseSingle((response, body) -> body.then())
				.block(PATIENCE);
		}
		finally {
			server.disposeNow(PATIENCE);
		}
	}

}
