package se.scbdelivery.cli;

import org.junit.jupiter.api.Nested;

import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

import se.scbdelivery.testsupport.ProductSettings;

/**
 * The end-to-end suites on PostgreSQL, the production job repository: a fresh database on
 * the server at 127.0.0.1:5432 for each run. The suites run as nested classes, so they
 * share this one Spring context.
 */
class DeliveryEndToEndOnPostgresTest {

	static final ProductSettings SETTINGS = DeliveryEndToEnd.settings(DeliveryEndToEndOnPostgresTest.class).postgres();

	@DynamicPropertySource
	static void onPostgres(DynamicPropertyRegistry registry) {
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
