package se.scbdelivery.metrics;

import java.io.IOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import se.scbdelivery.testsupport.ExternalPrograms;

import static org.junit.jupiter.api.Assertions.fail;

/**
 * Prometheus's own Pushgateway (Debian's {@code prometheus-pushgateway}) on a free
 * loopback port, as a process of its own; what it serves on {@code /metrics} is what
 * Prometheus would scrape. Missing, the test is skipped, except under {@code CI=true},
 * where {@code .ci/run} installs it.
 */
final class RealPushgateway implements AutoCloseable {

	static final Path BINARY = Path.of("/usr/bin/prometheus-pushgateway");

	private static final Pattern SAMPLE = Pattern.compile("^([a-zA-Z_:][a-zA-Z0-9_:]*)(?:\\{(.*)})? (\\S+)$");

	private static final Pattern LABEL = Pattern.compile("([a-zA-Z_][a-zA-Z0-9_]*)=\"((?:[^\"\\\\]|\\\\.)*)\"");

	private final Process process;

	private final int port;

	private final HttpClient http = HttpClient.newHttpClient();

	private RealPushgateway(Process process, int port) {
		this.process = process;
		this.port = port;
	}

	static RealPushgateway start(Path log) throws IOException, InterruptedException {
		ExternalPrograms.require(Files.isExecutable(BINARY), BINARY + " is missing",
				"install Debian's prometheus-pushgateway package (apt-get install prometheus-pushgateway) "
						+ "to push to a real Pushgateway");
		int port;
		try (ServerSocket socket = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
			port = socket.getLocalPort();
		}
		// in memory only: Debian's build persists to /var/lib/prometheus by default,
		// which
		// would hand one test's groups to the next
		Process process = new ProcessBuilder(BINARY.toString(), "--web.listen-address=127.0.0.1:" + port,
				"--persistence.file=")
			.redirectErrorStream(true)
			.redirectOutput(log.toFile())
			.start();
		RealPushgateway gateway = new RealPushgateway(process, port);
		gateway.awaitReady();
		return gateway;
	}

	private void awaitReady() throws InterruptedException {
		Instant deadline = Instant.now().plusSeconds(30);
		while (Instant.now().isBefore(deadline)) {
			if (!this.process.isAlive()) {
				fail("the Pushgateway ended at start with exit " + this.process.exitValue());
			}
			try {
				if (get("/-/ready").statusCode() == 200 && this.process.isAlive()) {
					return;
				}
			}
			catch (IOException notYet) {
				// not listening yet
			}
			Thread.sleep(50);
		}
		fail("the Pushgateway was not ready within 30 s");
	}

	/** host:port, as {@code management.prometheus.metrics.export.pushgateway.address}. */
	String address() {
		return "127.0.0.1:" + this.port;
	}

	/** Every sample it serves for scraping, in its order. */
	List<Sample> scrape() throws IOException, InterruptedException {
		HttpResponse<String> response = get("/metrics");
		if (response.statusCode() != 200) {
			fail("the Pushgateway answered " + response.statusCode() + " to /metrics");
		}
		List<Sample> samples = new ArrayList<>();
		for (String line : response.body().split("\n")) {
			Matcher sample = SAMPLE.matcher(line);
			if (!line.startsWith("#") && sample.matches()) {
				Map<String, String> labels = new LinkedHashMap<>();
				Matcher label = LABEL.matcher((sample.group(2) != null) ? sample.group(2) : "");
				while (label.find()) {
					labels.put(label.group(1), label.group(2));
				}
				samples.add(new Sample(sample.group(1), labels, Double.parseDouble(sample.group(3))));
			}
		}
		return samples;
	}

	private HttpResponse<String> get(String path) throws IOException, InterruptedException {
		return this.http.send(
				HttpRequest.newBuilder(URI.create("http://" + address() + path)).timeout(Duration.ofSeconds(5)).build(),
				HttpResponse.BodyHandlers.ofString());
	}

	/**
	 * Stops it and waits until it has: its port may be handed to the next test's
	 * Pushgateway, which must not find this one still answering there.
	 */
	@Override
	public void close() {
		this.process.destroy();
		try {
			if (!this.process.waitFor(10, TimeUnit.SECONDS)) {
				this.process.destroyForcibly().waitFor(10, TimeUnit.SECONDS);
			}
		}
		catch (InterruptedException ex) {
			Thread.currentThread().interrupt();
		}
	}

	/** One line of the text format. */
	record Sample(String name, Map<String, String> labels, double value) {

		boolean has(String label, String value) {
			return value.equals(this.labels.get(label));
		}

	}

}
