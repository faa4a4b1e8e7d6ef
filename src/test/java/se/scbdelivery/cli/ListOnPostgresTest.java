package se.scbdelivery.cli;

import java.nio.file.Path;

import se.scbdelivery.testsupport.ProductSettings;

/**
 * {@code list} on PostgreSQL, in a database of its own: the suite counts every delivery
 * it sees.
 */
class ListOnPostgresTest extends ListSuite {

	@Override
	ProductSettings onRepository(ProductSettings standard, Path dir) {
		return standard.postgresOfItsOwn();
	}

}
