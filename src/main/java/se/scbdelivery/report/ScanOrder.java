package se.scbdelivery.report;

import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import se.scbdelivery.delivery.outcome.DeliveryOutcome;

/**
 * The order every scan summary shows: rows that need a person first, totals from
 * delivered to failed. An outcome name this version does not know counts as
 * {@code FAILED}, as {@link DeliveryOutcome#ofExitCode} reads it, so it is never hidden
 * among the loaded.
 */
final class ScanOrder {

	/**
	 * Technical failures first (restart them), then SCB's rejections (fix the file), then
	 * partial loads.
	 */
	private static final List<DeliveryOutcome> MOST_URGENT_FIRST = List.of(DeliveryOutcome.FAILED,
			DeliveryOutcome.INVALID_INPUT, DeliveryOutcome.STOPPED, DeliveryOutcome.RUNNING, DeliveryOutcome.NOT_LOADED,
			DeliveryOutcome.REFUSED, DeliveryOutcome.LOADED_WITH_ERRORS, DeliveryOutcome.SKIPPED,
			DeliveryOutcome.ABANDONED, DeliveryOutcome.LOADED);

	/**
	 * What was delivered, what SCB rejected, what failed here: the order of the
	 * operator's questions.
	 */
	static final List<DeliveryOutcome> REPORTED = List.of(DeliveryOutcome.LOADED, DeliveryOutcome.LOADED_WITH_ERRORS,
			DeliveryOutcome.NOT_LOADED, DeliveryOutcome.REFUSED, DeliveryOutcome.FAILED, DeliveryOutcome.INVALID_INPUT,
			DeliveryOutcome.STOPPED, DeliveryOutcome.RUNNING, DeliveryOutcome.SKIPPED, DeliveryOutcome.ABANDONED);

	private static final Comparator<String> TEXT = Comparator.nullsLast(Comparator.naturalOrder());

	private static final Comparator<ScanRow> ROWS = Comparator
		.comparingInt((ScanRow row) -> MOST_URGENT_FIRST.indexOf(outcome(row.outcome())))
		.thenComparing(ScanRow::organisation, TEXT)
		.thenComparing(ScanRow::program, TEXT)
		.thenComparing(ScanRow::referencePeriod, TEXT)
		.thenComparing(ScanRow::file, TEXT);

	private ScanOrder() {
	}

	/**
	 * The rows, those needing action first; within an outcome by organisation, program,
	 * period and file.
	 */
	static List<ScanRow> rows(ScanSummary summary) {
		return summary.rows().stream().sorted(ROWS).toList();
	}

	/** The totals of the outcomes that occurred, in {@link #REPORTED} order. */
	static Map<String, Integer> totals(ScanSummary summary) {
		Map<String, Integer> totals = new LinkedHashMap<>();
		summary.totals()
			.entrySet()
			.stream()
			.sorted(Comparator
				.comparingInt((Map.Entry<String, Integer> total) -> REPORTED.indexOf(outcome(total.getKey()))))
			.forEach((total) -> totals.put(total.getKey(), total.getValue()));
		return totals;
	}

	/** The outcome a name stands for; an unknown name stands for {@code FAILED}. */
	static DeliveryOutcome outcome(String name) {
		return DeliveryOutcome.ofExitCode(name);
	}

}
