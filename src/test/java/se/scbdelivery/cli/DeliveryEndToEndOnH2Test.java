package se.scbdelivery.cli;

import org.junit.jupiter.api.Nested;

import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

import se.scbdelivery.testsupport.ProductSettings;

/**
 * The end-to-end suites on the embedded default job repository, an H2 file (the standard
 * settings). The suites run as nested classes, so they share this one Spring context.
 */
class DeliveryEndToEndOnH2Test {

	static final ProductSettings SETTINGS = DeliveryEndToEnd.settings(DeliveryEndToEndOnH2Test.class);

	@DynamicPropertySource
	static void onH2(DynamicPropertyRegistry registry) {
		SETTINGS.registerIn(registry);
	}

	@Nested
	class GdbDelivery extends GdbDeliverySuite {

	}

	@Nested
	class GdbResume extends GdbResumeSuite {

	}

	@Nested
	class GenericDelivery extends GenericDeliverySuite {

	}

	@Nested
	class DeliveredEarlier extends DeliveredEarlierSuite {

	}

	@Nested
	class Scan extends ScanSuite {

	}

	@Nested
	class RestartFailed extends RestartFailedSuite {

	}

	@Nested
	class StrandedAndAbandoned extends StrandedAndAbandonedSuite {

	}

}
