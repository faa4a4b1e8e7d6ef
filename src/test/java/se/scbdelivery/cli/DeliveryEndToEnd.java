package se.scbdelivery.cli;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.io.TempDir;

import org.springframework.batch.core.launch.JobOperator;
import org.springframework.batch.core.repository.JobRepository;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.beans.factory.annotation.Value;

import se.scbdelivery.simulator.ScbStandIn;
import se.scbdelivery.simulator.gdb.ReceivedFragment;
import se.scbdelivery.simulator.gdb.StoredDelivery;
import se.scbdelivery.testsupport.CliResult;
import se.scbdelivery.testsupport.InContextCli;
import se.scbdelivery.testsupport.ProductContextTest;
import se.scbdelivery.testsupport.ProductSettings;
import se.scbdelivery.testsupport.SharedStandIn;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The delivery job end to end: real commands through the picocli entry point, a real job
 * repository, the real HTTP client, and the stand-in SCB on a local socket. The feature
 * suites extend this; {@link DeliveryEndToEndOnH2Test} and
 * {@link DeliveryEndToEndOnPostgresTest} run every one of them on their job repository,
 * all in one Spring context per repository. Fragments are 1,000 bytes (the standard) so
 * small files make several.
 */
@ProductContextTest
abstract class DeliveryEndToEnd {

	final ScbStandIn scb = SharedStandIn.get();

	@Autowired
	ScbCommandLine commandLine;

	@Autowired
	JobRepository jobRepository;

	@Autowired
	JobOperator jobOperator;

	/**
	 * This context's report folder: each job repository has its own, as their execution
	 * ids repeat.
	 */
	@Value("${scb.report.dir}")
	String reportDir;

	@TempDir
	Path inbox;

	/**
	 * The standard settings, and where these suites differ from them, in new folders for
	 * the job repository test class that runs the suites.
	 */
	static ProductSettings settings(Class<?> repositoryTest) {
		return ProductSettings.standard(repositoryTest)
			.standIn(SharedStandIn.get())
			// the fault scripts fail a call twice and let the third attempt through
			.httpMaxAttempts(3)
			// the response timeout outlasts the poll timeout:
			// aHistoryAnswerThatDoesNotComeEndsResumablyNotInAHang
			.pollTimeout("3s")
			.httpResponseTimeout("5s")
			// the Systemfel tests count one upload and two re-uploads
			.systemfelRetries(2);
	}

	@BeforeEach
	void freshStandIn() {
		this.scb.reset();
	}

	CliResult deliver(Path file, String program, String period, String format) {
		return run("deliver", "--file", file.toString(), "--org", "999000-0045", "--program", program, "--period",
				period, "--format", format);
	}

	CliResult run(String... args) {
		return InContextCli.run(this.commandLine, args);
	}

	StoredDelivery onlyDelivery() {
		assertThat(this.scb.deliveries()).hasSize(1);
		return this.scb.deliveries().get(0);
	}

	static List<Integer> indexes(List<ReceivedFragment> fragments) {
		return fragments.stream().map(ReceivedFragment::index).toList();
	}

	static long execution(CliResult result) {
		return result.execution();
	}

	Path reportOf(CliResult result) throws IOException {
		long execution = execution(result);
		try (Stream<Path> reports = Files.list(Path.of(this.reportDir))) {
			return reports.filter((path) -> path.getFileName().toString().startsWith("delivery-" + execution + "-"))
				.findFirst()
				.orElseThrow();
		}
	}

	static byte[] bytes(Path file) {
		try {
			return Files.readAllBytes(file);
		}
		catch (IOException ex) {
			throw new java.io.UncheckedIOException(ex);
		}
	}

	static String sha256(Path file) {
		try {
			return java.util.HexFormat.of()
				.formatHex(java.security.MessageDigest.getInstance("SHA-256").digest(Files.readAllBytes(file)));
		}
		catch (Exception ex) {
			throw new IllegalStateException(ex);
		}
	}

}
