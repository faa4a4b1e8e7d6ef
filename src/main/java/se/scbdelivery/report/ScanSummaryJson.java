package se.scbdelivery.report;

import java.time.Instant;
import java.util.List;
import java.util.Map;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonInclude.Include;
import org.jspecify.annotations.Nullable;
import tools.jackson.databind.SerializationFeature;
import tools.jackson.databind.json.JsonMapper;

/**
 * The scan summary as indented JSON: the run, its totals by outcome, and its rows as the
 * scan gave them.
 */
final class ScanSummaryJson {

	private static final JsonMapper JSON = JsonMapper.builder().enable(SerializationFeature.INDENT_OUTPUT).build();

	private ScanSummaryJson() {
	}

	static String render(ScanSummary summary) {
		return JSON.writeValueAsString(new Document(summary.inbox(), summary.startedAt(), summary.endedAt(),
				summary.exitCode(), summary.stop(), ScanOrder.totals(summary), summary.rows()));
	}

	/**
	 * {@link ScanSummary} with its totals, which a record's JSON would leave out as they
	 * are not a component.
	 */
	private record Document(String inbox, Instant startedAt, Instant endedAt, int exitCode,
			@JsonInclude(Include.NON_NULL) @Nullable String stop, Map<String, Integer> totals, List<ScanRow> rows) {
	}

}
