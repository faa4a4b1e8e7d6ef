package se.scbdelivery.cli;

import org.junit.jupiter.api.Nested;

import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

import se.scbdelivery.testsupport.ProductSettings;

/**
 * {@code prune} on an H2 file at a plain URL, as an operator writes one, in a job
 * repository of its own: the counts it prints must see no other test class's deliveries.
 */
class PruneOnH2Test {

	static final ProductSettings SETTINGS = DeliveryEndToEnd.settings(PruneOnH2Test.class);

	@DynamicPropertySource
	static void onH2(DynamicPropertyRegistry registry) {
		SETTINGS.registerIn(registry);
	}

	@Nested
	class Prune extends PruneSuite {

	}

}
