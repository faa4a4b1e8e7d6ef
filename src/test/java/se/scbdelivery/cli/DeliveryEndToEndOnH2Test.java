package se.scbdelivery.cli;

import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

/** The end-to-end suite on the embedded default job repository, an H2 file. */
class DeliveryEndToEndOnH2Test extends DeliveryEndToEndSuite {

	@DynamicPropertySource
	static void h2File(DynamicPropertyRegistry registry) {
		registry.add("spring.datasource.url",
				() -> "jdbc:h2:file:" + WORK.resolve("h2/scb-delivery") + ";DB_CLOSE_ON_EXIT=FALSE;WRITE_DELAY=0");
	}

}
