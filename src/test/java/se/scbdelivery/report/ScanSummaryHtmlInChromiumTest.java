package se.scbdelivery.report;

import java.io.DataInputStream;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.regex.Pattern;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import se.scbdelivery.testsupport.ExternalPrograms;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.fail;

/**
 * The summary page as a browser shows it, in Debian's headless Chromium. Under CI
 * ({@code CI=true}, where {@code .ci/run} installs it) a missing Chromium fails the test;
 * elsewhere the test is skipped and says how to install it.
 */
class ScanSummaryHtmlInChromiumTest {

	private static final Path CHROMIUM = Path.of("/usr/bin/chromium");

	private static final long TIMEOUT_SECONDS = 60;

	@TempDir
	Path work;

	private Path page;

	@BeforeEach
	void writeThePage() {
		ExternalPrograms.require(Files.isExecutable(CHROMIUM), CHROMIUM + " is missing",
				"install Debian's chromium package (apt-get install chromium) to render the scan summary page");
		this.page = new ScanSummaryWriter(ZoneOffset.UTC).write(ScanSummaries.monthEnd(), this.work.resolve("reports"))
			.get(2);
	}

	@Test
	void rendersTheTotalsAndARowPerFile() throws Exception {
		// when
		String dom = chromium("--dump-dom", this.page.toUri().toString());

		// then
		assertThat(dom).contains("<span class=\"count\">6</span><span class=\"name\">LOADED</span>")
			.contains("<span class=\"count\">1</span><span class=\"name\">FAILED</span>")
			.contains("6 of 12 files need action");
		assertThat(Pattern.compile("<tr class=\"o-[a-z-]+\">").matcher(dom).results().count()).isEqualTo(12);
		assertThat(dom).contains("&lt;script&gt;alert(1)&lt;/<wbr>script&gt;.csv").doesNotContain("<script");
	}

	@Test
	void takesALaptopSizedScreenshot() throws Exception {
		// given
		Path screenshot = this.work.resolve("scan-summary.png");

		// when
		chromium("--screenshot=" + screenshot, "--window-size=1280,900", this.page.toUri().toString());

		// then
		assertThat(screenshot).isRegularFile();
		assertThat(Files.size(screenshot)).isGreaterThan(10 * 1024);
		try (InputStream in = Files.newInputStream(screenshot); DataInputStream png = new DataInputStream(in)) {
			byte[] signatureAndChunk = png.readNBytes(16);
			assertThat(signatureAndChunk).startsWith(0x89, 'P', 'N', 'G', '\r', '\n', 0x1a, '\n');
			assertThat(new String(signatureAndChunk, 12, 4, "US-ASCII")).isEqualTo("IHDR");
			assertThat(png.readInt()).as("width").isEqualTo(1280);
			assertThat(png.readInt()).as("height").isEqualTo(900);
		}
		// kept for a person to look at
		Files.copy(screenshot, Path.of("target", "scan-summary.png"), StandardCopyOption.REPLACE_EXISTING);
	}

	/**
	 * Runs headless Chromium as the machine notes say it works as root offline; returns
	 * its stdout.
	 */
	private String chromium(String... arguments) throws Exception {
		List<String> command = new ArrayList<>(
				List.of(CHROMIUM.toString(), "--headless", "--no-sandbox", "--disable-gpu", "--disable-quic",
						"--no-first-run", "--disable-background-networking", "--disable-component-update",
						"--disable-sync", "--user-data-dir=" + Files.createTempDirectory(this.work, "profile")));
		command.addAll(List.of(arguments));
		Path stdout = Files.createTempFile(this.work, "chromium", ".out");
		Path stderr = Files.createTempFile(this.work, "chromium", ".err");
		// files rather than pipes, so that a chatty Chromium can never block on a full
		// pipe
		Process chromium = new ProcessBuilder(command).redirectOutput(stdout.toFile())
			.redirectError(stderr.toFile())
			.start();
		if (!chromium.waitFor(TIMEOUT_SECONDS, TimeUnit.SECONDS)) {
			chromium.destroyForcibly();
			fail("Chromium did not finish within " + TIMEOUT_SECONDS + " s: " + command + "\n"
					+ Files.readString(stderr));
		}
		assertThat(chromium.exitValue()).as("Chromium's exit code; it said:%n%s", Files.readString(stderr)).isZero();
		return Files.readString(stdout);
	}

}
