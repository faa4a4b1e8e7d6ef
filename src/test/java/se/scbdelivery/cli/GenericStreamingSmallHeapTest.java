package se.scbdelivery.cli;

import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.time.Duration;
import java.util.HexFormat;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import se.scbdelivery.simulator.ScbStandIn;
import se.scbdelivery.simulator.StandInOptions;
import se.scbdelivery.simulator.generic.GenericSubmissionReceived;
import se.scbdelivery.testsupport.ChildJvm;
import se.scbdelivery.testsupport.CliResult;
import se.scbdelivery.testsupport.ProductSettings;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The generic service's POST streams: a separate JVM whose heap is a quarter of the
 * file's size delivers it, and the stand-in decodes exactly the file's bytes. Were the
 * JSON envelope or the base64 built in memory, the delivery would die with an
 * OutOfMemoryError.
 */
class GenericStreamingSmallHeapTest {

	private static final int HEAP_MB = 64;

	private static final long FILE_BYTES = 256L * 1024 * 1024;

	@TempDir
	Path dir;

	@Test
	void aFileFourTimesTheHeapGoesThroughWhole() throws Exception {
		Path file = this.dir.resolve("large.csv");
		String sha256 = writePattern(file, FILE_BYTES);
		try (ScbStandIn scb = ScbStandIn.start(StandInOptions.defaults().withPort(0).withPollsBeforeFinal(1))) {
			ProductSettings settings = ProductSettings.standard(GenericStreamingSmallHeapTest.class, this.dir)
				.standIn(scb)
				// 256 MiB go up in one POST
				.httpResponseTimeout("5m");
			CliResult result = ChildJvm.withSettings(settings)
				.jvmOptions("-Xmx" + HEAP_MB + "m")
				.timeout(Duration.ofMinutes(10))
				.run("deliver", "--api", "generic", "--file", file.toString(), "--contract", "1");
			String stdout = result.out();
			String stderr = result.err();

			assertThat(result.exitCode()).as(stdout + stderr).isZero();
			assertThat(stderr).doesNotContain("OutOfMemoryError");
			assertThat(scb.genericSubmissions()).singleElement().satisfies((GenericSubmissionReceived submission) -> {
				assertThat(submission.decodedSize()).isEqualTo(FILE_BYTES);
				assertThat(submission.decodedSha256()).isEqualTo(sha256);
			});
			assertThat(stdout).contains("LOADED (exit 0)").contains("268,435,456 bytes, sent whole");
		}
	}

	/** Writes a CSV-like repeating pattern of the given size and returns its SHA-256. */
	private static String writePattern(Path file, long size) throws IOException {
		byte[] line = "2026-10;9990000045;Demo Arbetsställe;42;1843000\n".getBytes(StandardCharsets.UTF_8);
		byte[] block = new byte[line.length * 1024];
		for (int i = 0; i < 1024; i++) {
			System.arraycopy(line, 0, block, i * line.length, line.length);
		}
		try (OutputStream stream = Files.newOutputStream(file)) {
			MessageDigest digest = MessageDigest.getInstance("SHA-256");
			long written = 0;
			while (written < size) {
				int length = (int) Math.min(block.length, size - written);
				stream.write(block, 0, length);
				digest.update(block, 0, length);
				written += length;
			}
			return HexFormat.of().formatHex(digest.digest());
		}
		catch (java.security.NoSuchAlgorithmException ex) {
			throw new IllegalStateException(ex);
		}
	}

}
