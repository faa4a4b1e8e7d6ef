package se.scbdelivery.cli;

import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

/** The end-to-end suite on the embedded default job repository, an H2 file (the standard settings). */
class DeliveryEndToEndOnH2Test extends DeliveryEndToEndSuite {

	@DynamicPropertySource
	static void onH2(DynamicPropertyRegistry registry) {
		SETTINGS.registerIn(registry);
	}

}
