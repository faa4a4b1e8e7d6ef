package se.scbdelivery.report;

import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * What one {@code scan} did: the inbox, when, and one row per file. Outcomes are the
 * {@code DeliveryOutcome} names ({@code LOADED}, {@code NOT_LOADED}, {@code REFUSED},
 * {@code LOADED_WITH_ERRORS}, {@code INVALID_INPUT}, {@code FAILED}, {@code STOPPED}).
 */
public record ScanSummary(String inbox, Instant startedAt, Instant endedAt, int exitCode, List<ScanRow> rows) {

	public ScanSummary {
		rows = List.copyOf(rows);
	}

	/** How many files ended with each outcome, by outcome name. */
	public Map<String, Integer> totals() {
		Map<String, Integer> totals = new TreeMap<>();
		this.rows.forEach((row) -> totals.merge(row.outcome(), 1, Integer::sum));
		return totals;
	}

}
