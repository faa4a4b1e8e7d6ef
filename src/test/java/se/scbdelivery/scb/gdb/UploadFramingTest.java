package se.scbdelivery.scb.gdb;

import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;
import java.util.Random;
import java.util.concurrent.CopyOnWriteArrayList;

import io.netty.handler.codec.http.HttpHeaders;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import reactor.netty.DisposableServer;
import reactor.netty.http.server.HttpServer;

import se.scbdelivery.scb.http.ScbHttpClient;
import se.scbdelivery.scb.http.TestSettings;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * How a fragment is framed on the wire, seen by a plain Reactor Netty server: MockServer
 * hides the difference between chunked and fixed-length requests.
 */
class UploadFramingTest {

	@TempDir
	Path dir;

	private final List<HttpHeaders> headers = new CopyOnWriteArrayList<>();

	private final List<byte[]> bodies = new CopyOnWriteArrayList<>();

	private DisposableServer server;

	@AfterEach
	void stop() {
		this.server.disposeNow();
	}

	@Test
	void fragmentIsSentWithAnExactContentLengthAndNeverChunked() throws Exception {
		byte[] bytes = new byte[1_000_000];
		new Random(1).nextBytes(bytes);
		Path file = Files.write(this.dir.resolve("a.xml"), bytes);
		this.server = HttpServer.create().host("127.0.0.1").port(0).handle((request, response) -> {
			this.headers.add(request.requestHeaders().copy());
			return request.receive()
				.aggregate()
				.asByteArray()
				.doOnNext(this.bodies::add)
				.then(response.status(200).send());
		}).bindNow();

		try (ScbHttpClient http = ScbHttpClient.create(TestSettings.http(1), TestSettings.noTls(),
				new TestSettings.RecordingSleeper())) {
			new ReactorGdbClient(http, URI.create("http://127.0.0.1:" + this.server.port() + "/m2m/v2/"))
				.uploadFragment(new GdbSession(List.of(), null), ReactorGdbClientContractTest.target("a.xml", null), 0,
						file, 200_000, 700_000);
		}

		assertThat(this.headers).singleElement().satisfies((sent) -> {
			assertThat(sent.contains("Transfer-Encoding")).isFalse();
			assertThat(sent.get("Content-Length")).isEqualTo(Integer.toString(this.bodies.get(0).length));
		});
		List<MultipartParts.Part> parts = MultipartParts.parse(this.bodies.get(0),
				this.headers.get(0).get("Content-Type"));
		assertThat(parts).singleElement()
			.satisfies((part) -> assertThat(part.content()).isEqualTo(Arrays.copyOfRange(bytes, 200_000, 900_000)));
	}

}
