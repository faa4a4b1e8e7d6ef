package se.scbdelivery.report;

import java.io.PrintWriter;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.Locale;

import org.jspecify.annotations.Nullable;

import se.scbdelivery.delivery.DeliveryReport;
import se.scbdelivery.delivery.JournalEntry;
import se.scbdelivery.delivery.UploadAttempt;
import se.scbdelivery.scb.OrganisationNumber;
import se.scbdelivery.scb.gdb.HistoryEntry;
import se.scbdelivery.scb.generic.RowError;
import se.scbdelivery.scb.generic.ValidationError;
import se.scbdelivery.scb.generic.ValidationResult;

/** The short human summary of one delivery, as printed on stdout. */
public final class DeliverySummary {

	private static final DateTimeFormatter TIME = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm:ss")
		.withZone(ZoneId.systemDefault());

	private DeliverySummary() {
	}

	public static void print(DeliveryReport report, boolean alreadyDelivered, PrintWriter out) {
		out.printf("Delivery %d: %s (exit %d)%s%n", report.execution(), report.outcome(), report.exitCode(),
				alreadyDelivered ? " - delivered earlier; nothing was sent now" : "");
		row(out, "file", report.file() + (report.file().endsWith(report.fileName()) ? ""
				: " (sent as " + report.fileName() + ")"));
		row(out, "sha-256", report.sha256());
		if (report.isGeneric()) {
			printGeneric(report, out);
		}
		else {
			printGdb(report, out);
		}
		for (UploadAttempt attempt : report.attempts()) {
			row(out, "attempt " + attempt.number(), attempt(attempt));
		}
		row(out, "timings", timings(report));
		for (JournalEntry event : report.events()) {
			row(out, event.kind().name().toLowerCase(Locale.ROOT).replace('_', ' '),
					"[" + TIME.format(event.at()) + ", execution " + event.execution() + "] " + event.message()
							+ ((event.scbAnswer() != null && !event.scbAnswer().isBlank())
									? " - SCB said: " + oneLine(event.scbAnswer()) : ""));
		}
		row(out, "next", report.whatToDo());
		out.flush();
	}

	private static void printGdb(DeliveryReport report, PrintWriter out) {
		row(out, "size", String.format(Locale.ROOT, "%,d bytes in %d fragment%s of at most %,d bytes", report.size(),
				report.fragments(), (report.fragments() == 1) ? "" : "s", report.fragmentSize()));
		row(out, "delivery", dashed(report.organisation()) + "  " + report.program() + "  " + report.referencePeriod()
				+ "  " + report.fileFormat() + ((report.version() != null) ? "  version " + report.version() : "")
				+ "  (GDB, " + report.environment() + ")");
		row(out, "DeliveryId", (report.deliveryId() != null) ? report.deliveryId() : "-");
		row(out, "SCB status", status(report.scbStatus()));
	}

	private static void printGeneric(DeliveryReport report, PrintWriter out) {
		row(out, "size", String.format(Locale.ROOT, "%,d bytes, sent whole", report.size()));
		row(out, "delivery", "contract " + report.contract()
				+ ((report.organisation() != null) ? "  " + dashed(report.organisation()) : "")
				+ ((report.deliveryFormatName() != null) ? "  format " + report.deliveryFormatName() : "")
				+ ((report.externalVersionId() != null) ? "  version " + report.externalVersionId() : "")
				+ (Boolean.TRUE.equals(report.test()) ? "  TEST delivery" : "") + "  (generic service, "
				+ report.environment() + ")");
		row(out, "ticket", (report.ticket() != null) ? report.ticket() : "-");
		ValidationResult validation = report.validation();
		if (validation == null) {
			row(out, "validation", "-");
			return;
		}
		row(out, "validation", "successfulValidation " + validation.successfulValidation() + ", "
				+ validation.errors().size() + ((validation.errors().size() == 1) ? " error" : " errors"));
		int number = 0;
		for (ValidationError error : validation.errors()) {
			row(out, "error " + ++number, "[" + error.httpStatusCode() + " " + error.errorCode() + "] "
					+ error.errorReason() + ": " + error.errorMessage());
			for (RowError rowError : error.rowErrors()) {
				row(out, "  row", rowError.errorDescription() + ": " + rowError.rowData());
			}
		}
	}

	private static void row(PrintWriter out, String label, String value) {
		out.printf("  %-12s %s%n", label, value);
	}

	private static String status(@Nullable HistoryEntry status) {
		if (status == null) {
			return "-";
		}
		return status.status() + " (ProgressStatus " + status.progressStatus() + ", FileWasUploaded "
				+ status.fileWasUploaded() + ((status.submissionDate() != null) ? ", submitted " + status.submissionDate() : "")
				+ ")";
	}

	private static String attempt(UploadAttempt attempt) {
		StringBuilder text = new StringBuilder("started " + TIME.format(attempt.startedAt()));
		if (attempt.startedOver()) {
			text.append(", sent again from fragment 0");
		}
		if (attempt.deliveryId() != null) {
			text.append(", uploaded ").append(TIME.format(attempt.uploadedAt())).append(" as ").append(attempt.deliveryId());
		}
		if (attempt.ticket() != null) {
			text.append(", posted ").append(TIME.format(attempt.uploadedAt())).append(", ticket ").append(attempt.ticket());
		}
		text.append(", ").append(attempt.polls()).append(attempt.polls() == 1 ? " poll" : " polls");
		if (attempt.finalStatus() != null) {
			text.append(", ").append(attempt.finalStatus());
		}
		return text.toString();
	}

	private static String timings(DeliveryReport report) {
		Instant started = report.startedAt();
		Instant ended = report.endedAt();
		Duration took = report.took();
		return ((started != null) ? "started " + TIME.format(started) : "not started")
				+ ((ended != null) ? ", ended " + TIME.format(ended) : "")
				+ ((took != null) ? String.format(Locale.ROOT, ", took %.1f s", took.toMillis() / 1000.0) : "");
	}

	private static String dashed(@Nullable String organisation) {
		if (organisation == null) {
			return "-";
		}
		try {
			return new OrganisationNumber(organisation).dashed();
		}
		catch (IllegalArgumentException ex) {
			return organisation;
		}
	}

	private static String oneLine(String text) {
		String flat = text.replaceAll("\\s+", " ").trim();
		return (flat.length() > 300) ? flat.substring(0, 300) + "…" : flat;
	}

}
