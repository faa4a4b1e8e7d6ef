package se.scbdelivery.report;

import java.io.PrintWriter;
import java.util.Map;
import java.util.stream.Collectors;

import org.jspecify.annotations.Nullable;

/**
 * The {@code scan} table on stdout: a totals line, then one row per file, those needing
 * action first. Long values are clipped; the written summary files hold them whole.
 */
public final class ScanTable {

	private static final String ROW = "%-18s %-10s %-7s %-10s %-6s %-32s %-28s %s%n";

	private ScanTable() {
	}

	public static void print(ScanSummary summary, PrintWriter out) {
		out.println(totalsLine(summary) + ((summary.stop() != null) ? " - " + summary.stop() : ""));
		if (!summary.rows().isEmpty()) {
			out.printf(ROW, "OUTCOME", "ORG", "PROG", "PERIOD", "FORMAT", "FILE", "DELIVERYID / TICKET", "NEXT");
		}
		for (ScanRow row : ScanOrder.rows(summary)) {
			out.printf(ROW, cell(row.outcome(), 18), cell(row.organisation(), 10), cell(row.program(), 7),
					cell(row.referencePeriod(), 10), cell(row.fileFormat(), 6), fileCell(row.file(), 32),
					cell(row.reference(), 28), cell(row.whatToDo(), 70));
		}
		out.flush();
	}

	/**
	 * For example
	 * {@code 12 files: 9 LOADED, 1 LOADED_WITH_ERRORS, 1 NOT_LOADED, 1 FAILED}.
	 */
	private static String totalsLine(ScanSummary summary) {
		int files = summary.rows().size();
		String line = files + ((files == 1) ? " file" : " files");
		Map<String, Integer> totals = ScanOrder.totals(summary);
		if (totals.isEmpty()) {
			return line;
		}
		return line + ": "
				+ totals.entrySet()
					.stream()
					.map((total) -> total.getValue() + " " + total.getKey())
					.collect(Collectors.joining(", "));
	}

	/**
	 * The file's path clipped at its start: the folders repeat the columns, the name
	 * tells files apart.
	 */
	private static String fileCell(String file, int width) {
		String line = oneLine(file);
		return (line.length() <= width) ? line : "…" + line.substring(line.length() - width + 1);
	}

	/** One line, clipped to the width. */
	private static String cell(@Nullable String value, int width) {
		if (value == null || value.isEmpty()) {
			return "-";
		}
		String line = oneLine(value);
		return (line.length() <= width) ? line : line.substring(0, width - 1) + "…";
	}

	/**
	 * The value on one line. Control characters become {@code ?}, as {@code ls} shows
	 * them: a file name with a newline or an escape sequence must not break the table or
	 * the terminal.
	 */
	private static String oneLine(String value) {
		return value.replaceAll("\\p{Cntrl}", "?");
	}

}
