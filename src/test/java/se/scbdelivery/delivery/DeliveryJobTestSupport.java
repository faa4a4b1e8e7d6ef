package se.scbdelivery.delivery;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;

import org.junit.jupiter.api.BeforeEach;

import org.springframework.batch.test.JobOperatorTestUtils;
import org.springframework.batch.test.context.SpringBatchTest;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

import se.scbdelivery.delivery.launch.DeliveryInputCheck;
import se.scbdelivery.simulator.ScbStandIn;
import se.scbdelivery.testsupport.ProductContextTest;
import se.scbdelivery.testsupport.ProductSettings;
import se.scbdelivery.testsupport.SharedStandIn;

/**
 * The set-up of tests that run a delivery job itself, step by step, against the shared
 * stand-in, with the product's standard test settings. One Spring context serves every
 * such test class.
 */
@SpringBatchTest
@ProductContextTest
public abstract class DeliveryJobTestSupport {

	private static final ProductSettings SETTINGS = ProductSettings.standard(DeliveryJobTestSupport.class)
		.standIn(SharedStandIn.get());

	/** Outlives a test instance, as the Spring context is cached. */
	protected static final Path WORK = SETTINGS.work();

	protected final ScbStandIn scb = SharedStandIn.get();

	@Autowired
	protected JobOperatorTestUtils jobs;

	@Autowired
	protected DeliveryInputCheck inputCheck;

	@DynamicPropertySource
	static void productSettings(DynamicPropertyRegistry registry) {
		SETTINGS.registerIn(registry);
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

}
