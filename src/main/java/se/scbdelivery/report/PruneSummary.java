package se.scbdelivery.report;

import java.io.PrintWriter;
import java.time.LocalDateTime;
import java.time.format.DateTimeFormatter;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;

import org.jspecify.annotations.Nullable;

import se.scbdelivery.delivery.outcome.DeliveryOutcome;
import se.scbdelivery.delivery.outcome.PrunedDelivery;
import se.scbdelivery.delivery.retention.PruneResult;

/**
 * What {@code prune} removed, or would remove, and what it keeps, as printed on stdout.
 */
public final class PruneSummary {

	/** The final outcomes, in the order {@code list} explains them. */
	private static final List<DeliveryOutcome> FINAL = List.of(DeliveryOutcome.LOADED,
			DeliveryOutcome.LOADED_WITH_ERRORS, DeliveryOutcome.NOT_LOADED, DeliveryOutcome.REFUSED,
			DeliveryOutcome.INVALID_INPUT, DeliveryOutcome.ABANDONED);

	private static final DateTimeFormatter TIME = ReadableTimes.MINUTES;

	private PruneSummary() {
	}

	/**
	 * @param age the age as the operator wrote it
	 * @param reportsAsked whether {@code --reports} was given
	 */
	public static void print(PruneResult result, String age, boolean reportsAsked, PrintWriter out) {
		boolean removed = result.removed();
		out.printf("Deliveries whose newest execution reached a final outcome and ended before %s (%s ago):%n",
				TIME.format(result.cutoff()), age);
		if (result.deliveryCount() == 0) {
			out.println("  none" + (removed ? " removed" : " to remove"));
		}
		else {
			out.printf("  %s %s, %s in all, ended %s to %s:%n", removed ? "removed" : "would remove",
					count(result.deliveryCount(), "delivery", "deliveries"),
					count(result.executions(), "execution", "executions"), time(result.oldestEnd()),
					time(result.newestEnd()));
			for (DeliveryOutcome outcome : FINAL) {
				out.printf("    %-20s %d%n", outcome, result.deliveries(outcome));
			}
			out.printf("  %s a record of %d of them (%s), so that their files are not delivered again%n",
					removed ? "kept" : "would keep", result.records(),
					FINAL.stream()
						.filter(PrunedDelivery.KEPT::contains)
						.map(Enum::name)
						.collect(Collectors.joining(", ")));
		}
		if (!result.restartable().isEmpty()) {
			long kept = result.restartable().values().stream().mapToLong(Long::longValue).sum();
			out.printf(
					"  %s %s that may still be restarted, whatever %s age: %s (see 'list'; 'restart --failed' "
							+ "resumes such deliveries, and 'abandon' gives one up for a later prune to remove)%n",
					removed ? "kept" : "keeps", count(kept, "old delivery", "old deliveries"),
					(kept == 1) ? "its" : "their", byState(result.restartable()));
		}
		if (result.leased() > 0) {
			out.printf("  %s %s that a live process is delivering now%n", removed ? "kept" : "keeps",
					count(result.leased(), "old delivery", "old deliveries"));
		}
		if (result.lapsedLeases() > 0) {
			out.printf("  %s %s that lapsed before then%n", removed ? "removed" : "would remove",
					count(result.lapsedLeases(), "lease row", "lease rows"));
		}
		if (result.reportsDeleted() != null) {
			out.printf("  deleted %s of the removed executions from %s%n",
					count(result.reportsDeleted(), "report", "reports"), result.reportDir());
		}
		else if (reportsAsked) {
			out.printf("  reports in %s: with --yes, --reports also deletes the reports of the executions removed%n",
					result.reportDir());
		}
		else {
			out.printf("  reports in %s left alone: --reports also deletes the reports of the executions removed%n",
					result.reportDir());
		}
		if (!removed) {
			out.println((result.deliveryCount() == 0) ? "Nothing to remove."
					: "Nothing removed: run again with --yes to remove them.");
		}
		out.flush();
	}

	private static String byState(Map<String, Long> restartable) {
		return restartable.entrySet()
			.stream()
			.map((state) -> state.getValue() + " " + state.getKey())
			.collect(Collectors.joining(", "));
	}

	private static String count(long count, String one, String many) {
		return count + " " + ((count == 1) ? one : many);
	}

	private static String time(@Nullable LocalDateTime time) {
		return (time != null) ? TIME.format(time) : "-";
	}

}
