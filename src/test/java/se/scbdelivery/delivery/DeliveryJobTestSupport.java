package se.scbdelivery.delivery;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;

import org.junit.jupiter.api.BeforeEach;

import org.springframework.batch.test.JobOperatorTestUtils;
import org.springframework.batch.test.context.SpringBatchTest;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

import se.scbdelivery.delivery.launch.DeliveryInputCheck;
import se.scbdelivery.simulator.ScbStandIn;
import se.scbdelivery.testsupport.SharedStandIn;

/**
 * The set-up of tests that run a delivery job itself, step by step, against the shared
 * stand-in: small fragments, fast polls, two attempts per SCB call, and a job repository in
 * an H2 file of their own. One Spring context serves every such test class.
 */
@SpringBatchTest
@SpringBootTest(properties = { "scb.cli.enabled=false", "scb.upload.fragment-size=1000", "scb.poll.interval=10ms",
		"scb.poll.max-interval=20ms", "scb.http.initial-backoff=1ms", "scb.http.max-backoff=2ms",
		"scb.http.max-attempts=2" })
public abstract class DeliveryJobTestSupport {

	/** Outlives a test instance, as the Spring context is cached. */
	protected static final Path WORK = createWorkFolder();

	protected final ScbStandIn scb = SharedStandIn.get();

	@Autowired
	protected JobOperatorTestUtils jobs;

	@Autowired
	protected DeliveryInputCheck inputCheck;

	@DynamicPropertySource
	static void standInAndRepository(DynamicPropertyRegistry registry) {
		registry.add("scb.gdb.base-url", () -> SharedStandIn.get().gdbBaseUrl().toString());
		registry.add("scb.generic.base-url", () -> SharedStandIn.get().genericBaseUrl().toString());
		registry.add("scb.report.dir", () -> WORK.resolve("reports").toString());
		registry.add("spring.datasource.url",
				() -> "jdbc:h2:file:" + WORK.resolve("h2/jobs") + ";DB_CLOSE_ON_EXIT=FALSE;WRITE_DELAY=0");
	}

	@BeforeEach
	void freshStandIn() {
		this.scb.reset();
	}

	/**
	 * Makes {@code scb.report.dir} unusable (a file where the folder should be) until the
	 * returned handle is closed.
	 */
	protected static AutoCloseable reportFolderBlocked() throws IOException {
		Path reports = WORK.resolve("reports");
		Path aside = WORK.resolve("reports-aside");
		if (Files.exists(reports)) {
			Files.move(reports, aside);
		}
		Files.writeString(reports, "not a folder");
		return () -> {
			Files.delete(reports);
			if (Files.exists(aside)) {
				Files.move(aside, reports);
			}
		};
	}

	private static Path createWorkFolder() {
		try {
			return Files.createTempDirectory("scb-delivery-jobs");
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
	}

}
