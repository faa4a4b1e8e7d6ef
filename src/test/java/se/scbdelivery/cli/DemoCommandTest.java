package se.scbdelivery.cli;

import org.junit.jupiter.api.Test;

import se.scbdelivery.testsupport.CliResult;
import se.scbdelivery.testsupport.InProcessCli;
import se.scbdelivery.testsupport.ProductSettings;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The README's first command: the demo runs the whole flow on the examples, through both
 * channels.
 */
class DemoCommandTest {

	@Test
	void deliversEveryExampleShowsEachOutcomeAndNeverSendsACompletedFileTwice() {
		// the demo brings its own stand-in, job repository and report folder: only the
		// log is the test's
		CliResult demo = InProcessCli.run(ProductSettings.logFileOnly(DemoCommandTest.class), "demo");

		assertThat(demo.exitCode()).as(demo.toString()).isZero();
		assertThat(demo.out()).contains("stand-in SCB     http://127.0.0.1:")
			.contains("Delivery 2: LOADED_WITH_ERRORS (exit 4)")
			.contains("Delivery 4: LOADED (exit 0)")
			.contains("Delivery 6: NOT_LOADED (exit 3)")
			.contains("file         ")
			.contains("vinn v40 korrigerad å.xml")
			.contains("Delivery 2: LOADED_WITH_ERRORS (exit 4) - delivered earlier; nothing was sent now")
			.contains("(the stand-in received 0 requests for it)")
			.contains("$ deliver --api generic --file")
			.contains("Delivery 8: LOADED (exit 0)")
			.contains("contract DEMO-1  TEST delivery  (generic service, test)")
			.contains("validation   successfulValidation true, 0 errors");
		assertThat(demo.out()
			.lines()
			.filter((line) -> line.matches("\\d+\\s+\\d{4}-\\d\\d-\\d\\d \\d\\d:\\d\\d \\S+\\s+COMPLETED .*")))
			.hasSize(4)
			.anySatisfy((line) -> assertThat(line).contains("generic")
				.contains("ticket ")
				.contains("successfulValidation true"));
		InProcessCli.assertNoJavaInternals(demo);
	}

}
