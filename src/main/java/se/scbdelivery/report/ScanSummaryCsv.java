package se.scbdelivery.report;

import java.util.Arrays;
import java.util.List;
import java.util.stream.Collectors;

import org.jspecify.annotations.Nullable;

/**
 * The scan summary as RFC 4180 CSV: a header, then one record per file, those needing
 * action first, lines ended by CRLF. It starts with a byte order mark so that Excel reads
 * it as UTF-8 and shows åäö.
 */
final class ScanSummaryCsv {

	private static final List<String> HEADER = List.of("file", "organisation", "program", "period", "format", "outcome",
			"exit code", "SCB status", "DeliveryId/ticket", "execution", "what to do next");

	private static final String BOM = "\uFEFF";

	private ScanSummaryCsv() {
	}

	static String render(ScanSummary summary) {
		StringBuilder csv = new StringBuilder(BOM);
		record(csv, HEADER);
		for (ScanRow row : ScanOrder.rows(summary)) {
			record(csv, Arrays.asList(row.file(), row.organisation(), row.program(), row.referencePeriod(),
					row.fileFormat(), row.outcome(), String.valueOf(row.exitCode()), row.scbStatus(), row.reference(),
					(row.execution() != null) ? row.execution().toString() : null, row.whatToDo()));
		}
		return csv.toString();
	}

	private static void record(StringBuilder csv, List<? extends @Nullable String> fields) {
		csv.append(fields.stream().map(ScanSummaryCsv::field).collect(Collectors.joining(","))).append("\r\n");
	}

	/**
	 * An absent value is an empty field; a field with a comma, quote or line break is
	 * quoted, its quotes doubled.
	 */
	private static String field(@Nullable String value) {
		if (value == null) {
			return "";
		}
		if (value.chars().noneMatch((c) -> c == ',' || c == '"' || c == '\r' || c == '\n')) {
			return value;
		}
		return '"' + value.replace("\"", "\"\"") + '"';
	}

}
