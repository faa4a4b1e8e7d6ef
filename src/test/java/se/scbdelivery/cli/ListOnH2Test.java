package se.scbdelivery.cli;

import java.nio.file.Path;

import se.scbdelivery.testsupport.ProductSettings;

/** {@code list} on an H2 file named by a plain URL, as a user writes it. */
class ListOnH2Test extends ListSuite {

	@Override
	ProductSettings onRepository(ProductSettings standard, Path dir) {
		return standard.jobRepositoryUrl("jdbc:h2:file:" + dir.resolve("repository/scb"));
	}

}
