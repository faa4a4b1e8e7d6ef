package se.scbdelivery.cli;

import org.junit.jupiter.api.Nested;

import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

import se.scbdelivery.testsupport.ProductSettings;

/**
 * {@code prune} on PostgreSQL, in a fresh database of its own on the server at
 * 127.0.0.1:5432: the counts it prints must see no other test class's deliveries.
 */
class PruneOnPostgresTest {

	static final ProductSettings SETTINGS = DeliveryEndToEnd.settings(PruneOnPostgresTest.class).postgresOfItsOwn();

	@DynamicPropertySource
	static void onPostgres(DynamicPropertyRegistry registry) {
		SETTINGS.registerIn(registry);
	}

	@Nested
	class Prune extends PruneSuite {

	}

}
