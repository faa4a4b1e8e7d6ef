package se.scbdelivery.report;

import java.util.Arrays;
import java.util.List;
import java.util.stream.Collectors;

import org.jspecify.annotations.Nullable;

/**
 * The scan summary as RFC 4180 CSV: a header, then one record per file, those needing
 * action first, lines ended by CRLF. It starts with a byte order mark so that Excel reads
 * it as UTF-8 and shows åäö.
 * <p>
 * File and folder names come from whoever fills the inbox, and SCB's texts from SCB; a
 * spreadsheet would run a text cell starting with {@code =}, {@code +}, {@code -},
 * {@code @}, a tab or a carriage return as a formula. Such a cell is written with a
 * single quote before it (OWASP's advice on CSV injection), which a spreadsheet shows as
 * text. The two numbers the program writes itself, the exit code and the execution id,
 * are never negative and are written as they are.
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
			record(csv,
					Arrays.asList(text(row.file()), text(row.organisation()), text(row.program()),
							text(row.referencePeriod()), text(row.fileFormat()), text(row.outcome()),
							String.valueOf(row.exitCode()), text(row.scbStatus()), text(row.reference()),
							(row.execution() != null) ? row.execution().toString() : null, text(row.whatToDo())));
		}
		return csv.toString();
	}

	private static void record(StringBuilder csv, List<? extends @Nullable String> fields) {
		csv.append(fields.stream().map(ScanSummaryCsv::field).collect(Collectors.joining(","))).append("\r\n");
	}

	/**
	 * A text cell that a spreadsheet could take for a formula, with a single quote before
	 * it.
	 */
	private static @Nullable String text(@Nullable String value) {
		if (value == null || value.isEmpty() || "=+-@\t\r".indexOf(value.charAt(0)) < 0) {
			return value;
		}
		return "'" + value;
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
