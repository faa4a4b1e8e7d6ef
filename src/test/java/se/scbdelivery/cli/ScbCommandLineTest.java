package se.scbdelivery.cli;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

class ScbCommandLineTest {

	@Test
	void dropsSpringBootPropertiesAndKeepsCommandArguments() {
		String[] args = { "deliver", "--file", "a.xml", "--scb.gdb.base-url=http://127.0.0.1:1/m2m/v2/",
				"--org=9990000045", "--spring.datasource.url=jdbc:h2:mem:x", "--scb.upload.fragment-size=10",
				"--file-name", "a b.xml" };
		assertThat(ScbCommandLine.commandArguments(args)).containsExactly("deliver", "--file", "a.xml",
				"--org=9990000045", "--file-name", "a b.xml");
	}

	@Test
	void keepsValuesThatMerelyContainDots() {
		String[] args = { "deliver", "--file=reports/a.b.xml", "--version", "1.2" };
		assertThat(ScbCommandLine.commandArguments(args)).containsExactly(args);
	}

}
