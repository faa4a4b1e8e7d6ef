package se.scbdelivery.simulator.server;

import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.time.Duration;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import reactor.core.Disposable;
import reactor.netty.http.server.HttpServerResponse;

import se.scbdelivery.simulator.server.Faults.Call;
import se.scbdelivery.simulator.server.Responder.Exchange;

import static org.assertj.core.api.Assertions.assertThat;
import static org.mockito.Mockito.mock;

/**
 * What the stand-in does with a request whose client goes away. Reactor Netty cancels the
 * answer when the connection closes; a killed process's connection can close after a test
 * released the gate that held its fragment, while the stand-in spools it. That cancel
 * once interrupted the spooling thread, the interrupted FileChannel write closed the
 * upload's spool, and the client's own retry of that fragment was answered 500.
 */
class ResponderTest {

	private static final byte[] FRAGMENT = "<fragment/>".getBytes(StandardCharsets.UTF_8);

	@TempDir
	Path dir;

	@Test
	void workThatHasStartedRunsToItsEndWhenTheClientCloses() throws Exception {
		Responder responder = new Responder(new Faults(() -> {
		}), Duration.ZERO);
		Path spool = Files.createFile(this.dir.resolve("upload.part"));
		CountDownLatch started = new CountDownLatch(1);
		CountDownLatch clientGone = new CountDownLatch(1);
		CompletableFuture<String> work = new CompletableFuture<>();

		Disposable answer = responder.handle(mock(HttpServerResponse.class),
				new Exchange("POST", "file/1/9990000045/VINN/2024-06-30/V40/vinn.xml/1", FRAGMENT.length),
				Call.FRAGMENT, 1, () -> {
					started.countDown();
					try {
						clientGone.await();
						try (FileChannel channel = FileChannel.open(spool, StandardOpenOption.WRITE)) {
							channel.write(ByteBuffer.wrap(FRAGMENT));
						}
						work.complete("spooled");
					}
					catch (Exception ex) {
						work.complete("broken off: " + ex);
					}
					return Answer.message(200, "ok");
				}, (status) -> {
				})
			.subscribe();
		assertThat(started.await(30, TimeUnit.SECONDS)).as("the work started").isTrue();

		answer.dispose();
		clientGone.countDown();

		assertThat(work.get(30, TimeUnit.SECONDS)).isEqualTo("spooled");
		assertThat(Files.readAllBytes(spool)).isEqualTo(FRAGMENT);
	}

}
