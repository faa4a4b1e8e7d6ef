package se.scbdelivery.cli;

import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

/**
 * The end-to-end suite on PostgreSQL, the production job repository: a fresh database on
 * the server at 127.0.0.1:5432 for each run.
 */
class DeliveryEndToEndOnPostgresTest extends DeliveryEndToEndSuite {

	@DynamicPropertySource
	static void onPostgres(DynamicPropertyRegistry registry) {
		SETTINGS.postgres().registerIn(registry);
	}

}
