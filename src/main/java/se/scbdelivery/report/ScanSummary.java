package se.scbdelivery.report;

import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

import org.jspecify.annotations.Nullable;

import se.scbdelivery.delivery.StopRequest;

/**
 * What one {@code scan} did: the inbox, when, and one row per file. Outcomes are the
 * {@code DeliveryOutcome} names ({@code LOADED}, {@code NOT_LOADED}, {@code REFUSED},
 * {@code LOADED_WITH_ERRORS}, {@code INVALID_INPUT}, {@code FAILED}, {@code STOPPED}).
 *
 * @param stop how the run was stopped on request, if it was
 */
public record ScanSummary(String inbox, Instant startedAt, Instant endedAt, int exitCode, List<ScanRow> rows,
		@Nullable String stop) {

	public ScanSummary {
		rows = List.copyOf(rows);
	}

	public ScanSummary(String inbox, Instant startedAt, Instant endedAt, int exitCode, List<ScanRow> rows) {
		this(inbox, startedAt, endedAt, exitCode, rows, null);
	}

	/**
	 * This summary of a run stopped on request: the exit code is the one the process ends
	 * with.
	 */
	public ScanSummary stopped(StopRequest request) {
		return new ScanSummary(this.inbox, this.startedAt, this.endedAt, request.processExitCode(), this.rows,
				request.describe());
	}

	/** How many files ended with each outcome, by outcome name. */
	public Map<String, Integer> totals() {
		Map<String, Integer> totals = new TreeMap<>();
		this.rows.forEach((row) -> totals.merge(row.outcome(), 1, Integer::sum));
		return totals;
	}

}
