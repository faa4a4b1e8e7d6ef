package se.scbdelivery.report;

import java.time.Duration;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

import org.jspecify.annotations.Nullable;

import se.scbdelivery.delivery.outcome.DeliveryOutcome;

/**
 * The scan summary as one self-contained HTML page: no scripts and nothing fetched, so it
 * opens from a mail attachment or a file share as it is. The markup is also well-formed
 * XML. Every value is escaped: file names and SCB's texts come from outside.
 */
final class ScanSummaryHtml {

	private static final String STYLE = """
			:root { font-family: system-ui, "Segoe UI", Roboto, "Helvetica Neue", Arial, sans-serif; color: #1b1f24; }
			body { margin: 24px; font-size: 14px; line-height: 1.35; }
			h1 { font-size: 24px; margin: 0 0 8px; }
			h1 .verdict { display: inline-block; padding: 2px 12px; border-radius: 6px; margin-left: 8px; }
			.action { background: #c62828; color: #fff; }
			.clear { background: #1a7f37; color: #fff; }
			dl.run { display: flex; flex-wrap: wrap; gap: 4px 32px; margin: 0 0 16px; }
			dl.run div { display: flex; gap: 8px; }
			dl.run dt { color: #57606a; }
			dl.run dd { margin: 0; font-weight: 600; overflow-wrap: anywhere; }
			.totals { display: grid; grid-template-columns: repeat(auto-fit, minmax(132px, 1fr));
				gap: 12px; margin-bottom: 20px; }
			.total { border: 3px solid var(--c); border-radius: 8px; padding: 8px 12px; }
			.total .count { display: block; font-size: 44px; font-weight: 700; line-height: 1.1; color: var(--c); }
			.total .name { display: block; font-weight: 700; font-size: 13px; }
			.total .hint { display: block; font-size: 12px; }
			.total.some { background: var(--c); color: var(--fg); }
			.total.some .count { color: var(--fg); }
			.total.none { border-color: #d0d7de; color: #8c959f; }
			.total.none .count { color: #d0d7de; }
			table { width: 100%; border-collapse: collapse; table-layout: fixed; }
			th { text-align: left; font-size: 12px; color: #57606a; border-bottom: 2px solid #1b1f24; padding: 6px; }
			td { padding: 6px; vertical-align: top; border-bottom: 1px solid #d0d7de; overflow-wrap: anywhere; }
			tbody tr td:first-child { border-left: 6px solid var(--c); }
			.badge { display: inline-block; padding: 2px 6px; border-radius: 4px; font-size: 12px; font-weight: 700;
				background: var(--c); color: var(--fg); }
			.file, .ref { font-family: ui-monospace, "Cascadia Mono", Consolas, monospace; font-size: 12px; }
			.empty { color: #57606a; font-style: italic; }
			col.org { width: 9%; } col.program { width: 6%; } col.period { width: 6%; } col.format { width: 5%; }
			col.file { width: 17%; } col.outcome { width: 11%; } col.status { width: 10%; } col.ref { width: 11%; }
			col.execution { width: 6%; } col.next { width: 19%; }
			.o-loaded { --c: #1a7f37; --fg: #fff; }
			.o-loaded-with-errors { --c: #d98e04; --fg: #1b1f24; }
			.o-not-loaded, .o-refused { --c: #c62828; --fg: #fff; }
			.o-failed, .o-invalid-input { --c: #6a1b9a; --fg: #fff; }
			.o-stopped, .o-running { --c: #6e7781; --fg: #fff; }
			.o-skipped { --c: #0969da; --fg: #fff; }
			* { print-color-adjust: exact; -webkit-print-color-adjust: exact; }
			@page { size: A4 landscape; margin: 10mm; }
			@media print {
				body { margin: 0; font-size: 9pt; }
				.totals { grid-template-columns: repeat(auto-fit, minmax(110px, 1fr)); gap: 8px; }
				.total { padding: 4px 8px; }
				.total .count { font-size: 28px; }
				th, td { padding: 4px 3px; }
				th { font-size: 8pt; }
				thead { display: table-header-group; }
				tr { break-inside: avoid; }
			}
			""";

	/** Outcomes rare enough to show only when a file has them. */
	private static final Set<DeliveryOutcome> ONLY_WHEN_PRESENT = Set.of(DeliveryOutcome.RUNNING,
			DeliveryOutcome.ABANDONED);

	/** What each outcome means, under its count. */
	private static final Map<DeliveryOutcome, String> HINTS = Map.of(DeliveryOutcome.LOADED, "delivered",
			DeliveryOutcome.LOADED_WITH_ERRORS, "loaded; see SCB's errors", DeliveryOutcome.NOT_LOADED,
			"rejected by SCB", DeliveryOutcome.REFUSED, "refused at upload", DeliveryOutcome.FAILED,
			"technical failure", DeliveryOutcome.INVALID_INPUT, "bad input; not sent", DeliveryOutcome.STOPPED,
			"stopped; restartable", DeliveryOutcome.RUNNING, "still running", DeliveryOutcome.SKIPPED,
			"left for the next scan", DeliveryOutcome.ABANDONED, "abandoned by a person");

	private final DateTimeFormatter time;

	ScanSummaryHtml(ZoneId zone) {
		this.time = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm:ss z", Locale.ROOT).withZone(zone);
	}

	String render(ScanSummary summary) {
		StringBuilder html = new StringBuilder(8192 + 1024 * summary.rows().size());
		html.append("<!DOCTYPE html>\n<html lang=\"en\">\n<head>\n<meta charset=\"utf-8\"/>\n")
			.append("<meta name=\"viewport\" content=\"width=device-width, initial-scale=1\"/>\n")
			.append("<title>")
			.append(text("SCB scan " + this.time.format(summary.startedAt()) + ": " + verdict(summary)))
			.append("</title>\n<style>\n")
			.append(STYLE)
			.append("</style>\n</head>\n<body>\n");
		header(html, summary);
		totals(html, summary);
		rows(html, summary);
		return html.append("</body>\n</html>\n").toString();
	}

	private void header(StringBuilder html, ScanSummary summary) {
		html.append("<h1>SCB scan <span class=\"verdict ")
			.append(needingAction(summary) > 0 ? "action" : "clear")
			.append("\">")
			.append(text(verdict(summary)))
			.append("</span></h1>\n<dl class=\"run\">\n");
		item(html, "Inbox", summary.inbox());
		item(html, "Started", this.time.format(summary.startedAt()));
		item(html, "Ended", this.time.format(summary.endedAt()) + " (took "
				+ took(Duration.between(summary.startedAt(), summary.endedAt())) + ")");
		item(html, "Exit code", String.valueOf(summary.exitCode()));
		if (summary.stop() != null) {
			item(html, "Stopped", summary.stop());
		}
		html.append("</dl>\n");
	}

	private static void item(StringBuilder html, String term, String value) {
		html.append("<div><dt>").append(term).append("</dt><dd>").append(text(value)).append("</dd></div>\n");
	}

	/**
	 * A count for every known outcome, zero ones greyed out so that "0 FAILED" can be
	 * read as surely as "3 FAILED"; then any outcome this version does not know.
	 */
	private static void totals(StringBuilder html, ScanSummary summary) {
		Map<String, Integer> totals = ScanOrder.totals(summary);
		List<String> shown = new ArrayList<>(ScanOrder.REPORTED.stream()
			.filter((outcome) -> !ONLY_WHEN_PRESENT.contains(outcome) || totals.containsKey(outcome.name()))
			.map(DeliveryOutcome::name)
			.toList());
		totals.keySet().stream().filter((name) -> !shown.contains(name)).forEach(shown::add);
		html.append("<section class=\"totals\" aria-label=\"Files by outcome\">\n");
		for (String name : shown) {
			int count = totals.getOrDefault(name, 0);
			DeliveryOutcome outcome = ScanOrder.outcome(name);
			html.append("<div class=\"total ")
				.append(cssClass(name))
				.append((count > 0) ? " some" : " none")
				.append("\"><span class=\"count\">")
				.append(count)
				.append("</span><span class=\"name\">")
				.append(outcomeName(name))
				.append("</span><span class=\"hint\">")
				.append(outcome.name().equals(name) ? HINTS.get(outcome) : "unknown outcome; treat as failed")
				.append("</span></div>\n");
		}
		html.append("</section>\n");
	}

	private static void rows(StringBuilder html, ScanSummary summary) {
		html.append("<table>\n<colgroup><col class=\"org\"/><col class=\"program\"/><col class=\"period\"/>")
			.append("<col class=\"format\"/><col class=\"file\"/><col class=\"outcome\"/><col class=\"status\"/>")
			.append("<col class=\"ref\"/><col class=\"execution\"/><col class=\"next\"/></colgroup>\n")
			.append("<thead><tr><th>Organisation</th><th>Program</th><th>Period</th><th>Format</th><th>File</th>")
			.append("<th>Outcome</th><th>SCB status</th><th>DeliveryId / ticket</th><th>Execution</th>")
			.append("<th>What to do next</th></tr></thead>\n<tbody>\n");
		for (ScanRow row : ScanOrder.rows(summary)) {
			html.append("<tr class=\"").append(cssClass(row.outcome())).append("\">");
			cell(html, null, row.organisation());
			cell(html, null, row.program());
			cell(html, null, row.referencePeriod());
			cell(html, null, row.fileFormat());
			html.append("<td class=\"file\">").append(breakableAfterSlashes(row.file())).append("</td>");
			html.append("<td><span class=\"badge\">").append(outcomeName(row.outcome())).append("</span></td>");
			cell(html, null, row.scbStatus());
			cell(html, "ref", row.reference());
			cell(html, "ref", (row.execution() != null) ? row.execution().toString() : null);
			cell(html, null, row.whatToDo());
			html.append("</tr>\n");
		}
		if (summary.rows().isEmpty()) {
			html.append("<tr><td colspan=\"10\" class=\"empty\">The inbox held no files.</td></tr>\n");
		}
		html.append("</tbody>\n</table>\n");
	}

	private static void cell(StringBuilder html, @Nullable String cssClass, @Nullable String value) {
		html.append((cssClass != null) ? "<td class=\"" + cssClass + "\">" : "<td>")
			.append((value != null && !value.isEmpty()) ? text(value) : "–")
			.append("</td>");
	}

	private static String verdict(ScanSummary summary) {
		int files = summary.rows().size();
		long needingAction = needingAction(summary);
		if (files == 0) {
			return "no files in the inbox";
		}
		if (needingAction == 0) {
			return (files == 1) ? "the file was loaded" : "all " + files + " files were loaded";
		}
		return needingAction + " of " + files + ((files == 1) ? " file needs" : " files need") + " action";
	}

	private static long needingAction(ScanSummary summary) {
		return summary.rows()
			.stream()
			.map((row) -> ScanOrder.outcome(row.outcome()))
			.filter((outcome) -> outcome != DeliveryOutcome.LOADED && outcome != DeliveryOutcome.SKIPPED)
			.count();
	}

	/**
	 * The class that colours an outcome; an unknown outcome gets the colour of a failure,
	 * its class never its text.
	 */
	private static String cssClass(String outcome) {
		return "o-" + ScanOrder.outcome(outcome).name().toLowerCase(Locale.ROOT).replace('_', '-');
	}

	/**
	 * The outcome's name, breakable after its underscores rather than inside a word when
	 * its box is narrow.
	 */
	private static String outcomeName(String outcome) {
		return text(outcome).replace("_", "_<wbr/>");
	}

	/** A path, wrapped preferably after a folder rather than anywhere. */
	private static String breakableAfterSlashes(String path) {
		return text(path).replace("/", "/<wbr/>");
	}

	private static String took(Duration took) {
		long seconds = Math.max(0, took.toSeconds());
		return (seconds < 60) ? seconds + " s" : (seconds / 60) + " min " + (seconds % 60) + " s";
	}

	/**
	 * The text escaped for HTML content and attribute values. Control characters other
	 * than tab and line breaks become U+FFFD, since XML forbids them and the page stays
	 * well-formed.
	 */
	private static String text(String value) {
		StringBuilder escaped = new StringBuilder(value.length() + 16);
		value.chars().forEach((c) -> {
			switch (c) {
				case '&' -> escaped.append("&amp;");
				case '<' -> escaped.append("&lt;");
				case '>' -> escaped.append("&gt;");
				case '"' -> escaped.append("&quot;");
				case '\'' -> escaped.append("&#39;");
				case '\t', '\n', '\r' -> escaped.append((char) c);
				default -> escaped.append((c < 0x20) ? '\uFFFD' : (char) c);
			}
		});
		return escaped.toString();
	}

}
