package se.scbdelivery.report;

import java.io.PrintWriter;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.List;

import org.jspecify.annotations.Nullable;

import se.scbdelivery.delivery.DeliveryReport;

/** The {@code list} table: one row per execution, newest first. */
public final class DeliveryTable {

	private static final DateTimeFormatter TIME = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm")
		.withZone(ZoneId.systemDefault());

	private static final String ROW = "%-9s %-16s %-9s %-18s %-10s %-5s %-10s %-28s %-36s %s%n";

	private DeliveryTable() {
	}

	public static void print(List<DeliveryReport> reports, PrintWriter out) {
		if (reports.isEmpty()) {
			out.println("No deliveries recorded yet.");
			out.flush();
			return;
		}
		out.printf(ROW, "EXECUTION", "STARTED", "STATUS", "OUTCOME", "ORG", "PROG", "PERIOD", "FILE",
				"DELIVERYID", "SCB STATUS");
		for (DeliveryReport report : reports) {
			out.printf(ROW, report.execution(), (report.startedAt() != null) ? TIME.format(report.startedAt()) : "-",
					report.jobStatus(), report.outcome(), report.organisation(), report.program(),
					report.referencePeriod(), clip(report.fileName(), 28), orDash(report.deliveryId()),
					(report.scbStatus() != null) ? report.scbStatus().status() : "-");
		}
		out.flush();
	}

	private static String orDash(@Nullable String value) {
		return (value != null) ? value : "-";
	}

	private static String clip(String value, int width) {
		return (value.length() <= width) ? value : value.substring(0, width - 1) + "…";
	}

}
