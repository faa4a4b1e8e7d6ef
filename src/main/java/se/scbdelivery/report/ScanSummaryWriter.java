package se.scbdelivery.report;

import java.io.IOException;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.List;
import java.util.UUID;

/**
 * Writes a scan's summary as JSON (for programs), CSV (for Excel) and HTML (for people),
 * named after the scan's start time in this writer's zone, such as
 * {@code scan-20261123-171100.json}.
 */
public final class ScanSummaryWriter {

	private static final DateTimeFormatter STAMP = DateTimeFormatter.ofPattern("yyyyMMdd-HHmmss");

	private final ZoneId zone;

	private final ScanSummaryHtml html;

	/** A writer that names files and shows times in the system's time zone. */
	public ScanSummaryWriter() {
		this(ZoneId.systemDefault());
	}

	public ScanSummaryWriter(ZoneId zone) {
		this.zone = zone;
		this.html = new ScanSummaryHtml(zone);
	}

	/**
	 * Writes the three files into {@code reportDir}, creating it if needed. A name
	 * already taken by an earlier summary gets a suffix
	 * ({@code scan-20261123-171100-2.json}), the same for all three. Each file appears
	 * whole or not at all: it is written to a hidden temporary file in the same folder
	 * and then moved into place.
	 * @return the JSON, CSV and HTML file, in that order
	 * @throws UncheckedIOException if a file cannot be written; files written before it
	 * stay
	 */
	public List<Path> write(ScanSummary summary, Path reportDir) {
		try {
			Files.createDirectories(reportDir);
			String name = freeName(reportDir, "scan-" + STAMP.format(summary.startedAt().atZone(this.zone)));
			Path json = reportDir.resolve(name + ".json");
			Path csv = reportDir.resolve(name + ".csv");
			Path page = reportDir.resolve(name + ".html");
			writeAtomically(json, ScanSummaryJson.render(summary));
			writeAtomically(csv, ScanSummaryCsv.render(summary));
			writeAtomically(page, this.html.render(summary));
			return List.of(json, csv, page);
		}
		catch (IOException ex) {
			throw new UncheckedIOException("cannot write the scan summary into " + reportDir + ": " + ex.getMessage(),
					ex);
		}
	}

	private static String freeName(Path reportDir, String base) {
		String name = base;
		for (int suffix = 2; taken(reportDir, name); suffix++) {
			name = base + "-" + suffix;
		}
		return name;
	}

	private static boolean taken(Path reportDir, String name) {
		return List.of(".json", ".csv", ".html")
			.stream()
			.anyMatch((ext) -> Files.exists(reportDir.resolve(name + ext)));
	}

	/**
	 * Writes through a new file rather than {@code Files.createTempFile}, whose
	 * owner-only permissions would stay with the summary and hide it from the other
	 * operators.
	 */
	private static void writeAtomically(Path target, String content) throws IOException {
		Path temporary = target.resolveSibling("." + target.getFileName() + "." + UUID.randomUUID() + ".tmp");
		try {
			try (OutputStream out = Files.newOutputStream(temporary, StandardOpenOption.CREATE_NEW)) {
				out.write(content.getBytes(StandardCharsets.UTF_8));
			}
			Files.move(temporary, target, StandardCopyOption.ATOMIC_MOVE);
		}
		finally {
			Files.deleteIfExists(temporary);
		}
	}

}
