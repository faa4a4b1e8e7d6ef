package se.scbdelivery.metrics;

import java.io.IOException;
import java.io.InputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;

/**
 * A Prometheus Pushgateway on a free loopback port that keeps every request it is sent.
 */
final class FakePushgateway implements AutoCloseable {

	private final HttpServer server;

	private final List<Push> pushes = new CopyOnWriteArrayList<>();

	private FakePushgateway(HttpServer server) {
		this.server = server;
	}

	static FakePushgateway start() throws IOException {
		HttpServer server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
		FakePushgateway gateway = new FakePushgateway(server);
		server.createContext("/metrics/", gateway::record);
		server.start();
		return gateway;
	}

	/**
	 * host:port, as {@code management.prometheus.metrics.export.pushgateway.address}
	 * takes it.
	 */
	String address() {
		InetSocketAddress address = this.server.getAddress();
		return address.getHostString() + ":" + address.getPort();
	}

	/** Every request, in the order they came. */
	List<Push> pushes() {
		return List.copyOf(this.pushes);
	}

	private void record(HttpExchange exchange) throws IOException {
		try (InputStream body = exchange.getRequestBody()) {
			this.pushes.add(new Push(exchange.getRequestMethod(), exchange.getRequestURI().getPath(),
					new String(body.readAllBytes(), StandardCharsets.UTF_8)));
		}
		// the real Pushgateway answers 200 to a PUT or POST it accepted
		exchange.sendResponseHeaders(200, -1);
		exchange.close();
	}

	@Override
	public void close() {
		this.server.stop(0);
	}

	record Push(String method, String path, String body) {
	}

}
