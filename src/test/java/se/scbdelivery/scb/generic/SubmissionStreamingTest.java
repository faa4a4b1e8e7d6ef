package se.scbdelivery.scb.generic;

import java.io.ByteArrayOutputStream;
import java.io.OutputStream;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.util.Arrays;
import java.util.Base64;
import java.util.HexFormat;
import java.util.List;
import java.util.Random;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.function.Function;

import io.netty.buffer.ByteBuf;
import io.netty.handler.codec.http.HttpHeaders;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import reactor.core.publisher.Mono;
import reactor.netty.DisposableServer;
import reactor.netty.http.server.HttpServer;
import reactor.netty.http.server.HttpServerRequest;

import se.scbdelivery.scb.OrganisationNumber;
import se.scbdelivery.scb.http.ScbHttpClient;
import se.scbdelivery.scb.http.TestSettings;

import static org.assertj.core.api.Assertions.assertThat;
import static se.scbdelivery.scb.generic.ReactorGenericDeliveryClientContractTest.TICKET;
import static se.scbdelivery.scb.generic.ReactorGenericDeliveryClientContractTest.settings;

/**
 * The submit as a plain Reactor Netty server sees it: MockServer hides whether a request
 * was chunked, and would hold a large body in memory.
 */
class SubmissionStreamingTest {

	@TempDir
	Path dir;

	private final List<HttpHeaders> headers = new CopyOnWriteArrayList<>();

	private DisposableServer server;

	@AfterEach
	void stop() {
		this.server.disposeNow();
	}

	@Test
	void envelopeIsSentWithAnExactContentLengthAndNeverChunked() throws Exception {
		byte[] bytes = "id;namn\n1;Åsa \"Ö\"\n".getBytes(StandardCharsets.UTF_8);
		Path file = Files.write(this.dir.resolve("a.csv"), bytes);
		List<byte[]> bodies = new CopyOnWriteArrayList<>();
		this.server = start((request) -> request.receive().aggregate().asByteArray().doOnNext(bodies::add).then());

		Ticket ticket = submit(new GenericSubmission("K\"1", new OrganisationNumber("9990000045"), "Fö", "v\\2", true),
				file);

		assertThat(ticket).isEqualTo(new Ticket(TICKET));
		assertThat(this.headers).singleElement().satisfies((sent) -> {
			assertThat(sent.contains("Transfer-Encoding")).isFalse();
			assertThat(sent.get("Content-Type")).isEqualTo("application/json");
			assertThat(sent.get("Content-Length")).isEqualTo(Integer.toString(bodies.get(0).length));
		});
		String expected = "{\"contract\":\"K\\\"1\",\"orgNr\":\"9990000045\",\"test\":true,"
				+ "\"deliveryFormatName\":\"Fö\","
				+ "\"externalVersionId\":\"v\\\\2\",\"fileObject\":{\"fileContent\":\""
				+ Base64.getEncoder().encodeToString(bytes) + "\"}}";
		assertThat(new String(bodies.get(0), StandardCharsets.UTF_8)).isEqualTo(expected);
	}

	@Test
	void largeFileArrivesWhole() throws Exception {
		// Given a 64 MiB + 1 byte file: a repeated random block, with a length that needs
		// padding
		byte[] block = new byte[1 << 20];
		new Random(7).nextBytes(block);
		Path file = this.dir.resolve("large.bin");
		MessageDigest expected = MessageDigest.getInstance("SHA-256");
		try (OutputStream out = Files.newOutputStream(file)) {
			for (int i = 0; i < 64; i++) {
				out.write(block);
				expected.update(block);
			}
			out.write(42);
			expected.update((byte) 42);
		}
		long size = Files.size(file);
		DecodingCounter counter = new DecodingCounter();
		this.server = start((request) -> request.receive().doOnNext(counter::accept).then());

		// When
		submit(new GenericSubmission("1", null, null, null, false), file);

		// Then
		assertThat(this.headers).singleElement()
			.satisfies((sent) -> assertThat(sent.contains("Transfer-Encoding")).isFalse());
		assertThat(counter.prefix()).isEqualTo("{\"contract\":\"1\",\"fileObject\":{\"fileContent\":\"");
		assertThat(counter.decodedBytes()).isEqualTo(size);
		assertThat(counter.sha256()).isEqualTo(HexFormat.of().formatHex(expected.digest()));
		assertThat(counter.suffix()).isEqualTo("\"}}");
		assertThat(counter.bodyBytes()).isEqualTo(Long.parseLong(this.headers.get(0).get("Content-Length")));
	}

	private DisposableServer start(Function<HttpServerRequest, Mono<Void>> reader) {
		return HttpServer.create().host("127.0.0.1").port(0).handle((request, response) -> {
			this.headers.add(request.requestHeaders().copy());
			return reader.apply(request).then(response.status(200).sendString(Mono.just("\"" + TICKET + "\"")).then());
		}).bindNow();
	}

	private Ticket submit(GenericSubmission submission, Path file) {
		try (ScbHttpClient http = ScbHttpClient.create(TestSettings.http(1), TestSettings.noTls(),
				new TestSettings.RecordingSleeper())) {
			return new ReactorGenericDeliveryClient(http,
					URI.create("http://127.0.0.1:" + this.server.port() + "/API/"),
					settings("api/v1/heartbeat", "api/v1/status/{ticket}", 1024))
				.submit(submission, file);
		}
	}

	/**
	 * Decodes {@code fileContent} as the body arrives, keeping only a few leftover
	 * characters, and counts and hashes the decoded bytes: the body is never held whole.
	 */
	private static final class DecodingCounter {

		private static final byte[] MARKER = "\"fileContent\":\"".getBytes(StandardCharsets.US_ASCII);

		private final ByteArrayOutputStream prefix = new ByteArrayOutputStream();

		private final ByteArrayOutputStream suffix = new ByteArrayOutputStream();

		// A multiple of 4, so that only the last piece can end in padding.
		private final byte[] pending = new byte[64 * 1024];

		private final MessageDigest digest;

		private int pendingLength;

		private long decoded;

		private long bodyBytes;

		private int state;

		DecodingCounter() throws Exception {
			this.digest = MessageDigest.getInstance("SHA-256");
		}

		void accept(ByteBuf buffer) {
			this.bodyBytes += buffer.readableBytes();
			for (int i = buffer.readerIndex(); i < buffer.writerIndex(); i++) {
				byte b = buffer.getByte(i);
				if (this.state == 0) {
					this.prefix.write(b);
					if (endsWithMarker()) {
						this.state = 1;
					}
				}
				else if (this.state == 1 && b != '"') {
					this.pending[this.pendingLength++] = b;
					if (this.pendingLength == this.pending.length) {
						decode();
					}
				}
				else {
					if (this.state == 1) {
						decode();
						this.state = 2;
					}
					this.suffix.write(b);
				}
			}
		}

		private boolean endsWithMarker() {
			byte[] seen = this.prefix.toByteArray();
			if (seen.length < MARKER.length) {
				return false;
			}
			for (int i = 0; i < MARKER.length; i++) {
				if (seen[seen.length - MARKER.length + i] != MARKER[i]) {
					return false;
				}
			}
			return true;
		}

		private void decode() {
			byte[] bytes = Base64.getDecoder().decode(Arrays.copyOf(this.pending, this.pendingLength));
			this.digest.update(bytes);
			this.decoded += bytes.length;
			this.pendingLength = 0;
		}

		String prefix() {
			return this.prefix.toString(StandardCharsets.UTF_8);
		}

		String suffix() {
			return this.suffix.toString(StandardCharsets.UTF_8);
		}

		long decodedBytes() {
			return this.decoded;
		}

		long bodyBytes() {
			return this.bodyBytes;
		}

		String sha256() {
			return HexFormat.of().formatHex(this.digest.digest());
		}

	}

}
