package se.scbdelivery.report;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.time.Instant;
import java.util.List;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

class ScanTableTest {

	@Test
	void startsWithTheTotalsFromDeliveredToFailed() {
		List<String> lines = print(ScanSummaries.monthEnd());

		assertThat(lines.get(0))
			.isEqualTo("12 files: 6 LOADED, 1 LOADED_WITH_ERRORS, 1 NOT_LOADED, 1 REFUSED, 1 FAILED, 1 INVALID_INPUT, "
					+ "1 STOPPED");
	}

	@Test
	void listsTheFilesThatNeedActionFirst() {
		List<String> lines = print(ScanSummaries.monthEnd());

		assertThat(lines.get(1)).startsWith("OUTCOME");
		assertThat(lines.subList(2, lines.size())).extracting((line) -> line.substring(0, line.indexOf(' ')))
			.containsExactly("FAILED", "INVALID_INPUT", "STOPPED", "NOT_LOADED", "REFUSED", "LOADED_WITH_ERRORS",
					"LOADED", "LOADED", "LOADED", "LOADED", "LOADED", "LOADED");
	}

	@Test
	void keepsOneLinePerFileAndClipsLongValuesKeepingTheFileNamesEnd() {
		List<String> lines = print(ScanSummaries.monthEnd());

		assertThat(lines).hasSize(14);
		assertThat(lines).filteredOn((line) -> line.startsWith("INVALID_INPUT"))
			.singleElement()
			.satisfies((line) -> assertThat(line).contains(" …mun \"final\", v2?second line.csv "));
		assertThat(String.join("\n", lines)).contains(" …ames_2026_10_final_FINAL_v3.csv ")
			.contains(" ticket 7f3c2a9e-1b44-4c1e-9… ");
	}

	@Test
	void putsAnUnknownOutcomeWithTheFailures() {
		ScanSummary summary = new ScanSummary("/inbox", Instant.EPOCH, Instant.EPOCH, 1,
				List.of(row("a.csv", "LOADED"), row("b.csv", "ARCHIVED"), row("c.csv", "NOT_LOADED")));

		List<String> lines = print(summary);

		assertThat(lines.get(0)).isEqualTo("3 files: 1 LOADED, 1 NOT_LOADED, 1 ARCHIVED");
		assertThat(lines.get(2)).startsWith("ARCHIVED");
	}

	@Test
	void saysSoWhenTheInboxWasEmpty() {
		assertThat(print(new ScanSummary("/inbox", Instant.EPOCH, Instant.EPOCH, 0, List.of())))
			.containsExactly("0 files");
	}

	private static ScanRow row(String file, String outcome) {
		return new ScanRow(file, "5560000001", "KLP", "202610", "csv", outcome, 0, null, null, null, "-");
	}

	private static List<String> print(ScanSummary summary) {
		StringWriter text = new StringWriter();
		ScanTable.print(summary, new PrintWriter(text));
		return text.toString().lines().toList();
	}

}
