package se.scbdelivery.report;

import java.io.PrintWriter;
import java.time.format.DateTimeFormatter;
import java.util.List;
import java.util.Set;

import org.jspecify.annotations.Nullable;

import se.scbdelivery.delivery.outcome.DeliveryReport;

/** The {@code list} table: one row per execution listed, newest first. */
public final class DeliveryTable {

	private static final DateTimeFormatter TIME = ReadableTimes.MINUTES;

	private static final String ROW = "%-9s %-21s %-STATUSs %-18s %-10s %-7s %-10s %-28s %-45s %s%n";

	/** Statuses Spring Batch names but an operator would have to look up. */
	private static final Set<String> NEEDS_A_WORD = Set.of("UNKNOWN", "ABANDONED");

	private DeliveryTable() {
	}

	public static void print(List<DeliveryReport> reports, PrintWriter out) {
		print(reports, "No deliveries recorded yet.", out);
	}

	/** Prints the table, or {@code whenEmpty} when there is no row. */
	public static void print(List<DeliveryReport> reports, String whenEmpty, PrintWriter out) {
		if (reports.isEmpty()) {
			out.println(whenEmpty);
			out.flush();
			return;
		}
		// an execution that did not complete shows the step it stopped in: "FAILED in
		// heartbeat"
		int statusWidth = Math.max(9, reports.stream().mapToInt((report) -> status(report).length()).max().orElse(0));
		String row = ROW.replace("STATUS", Integer.toString(statusWidth));
		out.printf(row, "EXECUTION", "STARTED", "STATUS", "OUTCOME", "ORG", "PROG", "PERIOD", "FILE",
				"DELIVERYID / TICKET", "SCB STATUS");
		for (DeliveryReport report : reports) {
			out.printf(row, report.execution(), (report.startedAt() != null) ? TIME.format(report.startedAt()) : "-",
					status(report), report.outcome(), orDash(report.organisation()), report.channel().program(),
					orDash(report.channel().referencePeriod()), clip(report.fileName(), 28),
					orDash(report.channel().scbReference()), orDash(report.channel().scbVerdict()));
		}
		// the rows an operator cannot read from their status alone say what happens next
		for (DeliveryReport report : reports) {
			if (NEEDS_A_WORD.contains(report.jobStatus())) {
				out.println("Execution " + report.execution() + " (" + report.jobStatus() + "): " + report.whatToDo());
			}
		}
		out.flush();
	}

	private static String status(DeliveryReport report) {
		if (report.supersededBy() != null) {
			// what it ended with is history: the delivery went on in that execution
			return "SUPERSEDED by " + report.supersededBy();
		}
		return (report.step() != null) ? report.jobStatus() + " in " + report.step() : report.jobStatus();
	}

	private static String orDash(@Nullable String value) {
		return (value != null) ? value : "-";
	}

	private static String clip(String value, int width) {
		return (value.length() <= width) ? value : value.substring(0, width - 1) + "…";
	}

}
