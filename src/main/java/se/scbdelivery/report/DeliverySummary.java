package se.scbdelivery.report;

import java.io.PrintWriter;
import java.time.Duration;
import java.time.Instant;
import java.time.format.DateTimeFormatter;
import java.util.Locale;

import org.jspecify.annotations.Nullable;

import se.scbdelivery.delivery.StopRequest;
import se.scbdelivery.delivery.journal.JournalEntry;
import se.scbdelivery.delivery.journal.UploadAttempt;
import se.scbdelivery.delivery.outcome.DeliveryOutcome;
import se.scbdelivery.delivery.outcome.DeliveryReport;
import se.scbdelivery.delivery.outcome.GdbDetails;
import se.scbdelivery.delivery.outcome.GenericDetails;
import se.scbdelivery.scb.OrganisationNumber;
import se.scbdelivery.scb.gdb.HistoryEntry;
import se.scbdelivery.scb.generic.RowError;
import se.scbdelivery.scb.generic.ValidationError;
import se.scbdelivery.scb.generic.ValidationResult;

/** The short human summary of one delivery, as printed on stdout. */
public final class DeliverySummary {

	private static final DateTimeFormatter TIME = ReadableTimes.SECONDS;

	private DeliverySummary() {
	}

	public static void print(DeliveryReport report, boolean alreadyDelivered, PrintWriter out) {
		print(report, alreadyDelivered, null, out);
	}

	/**
	 * @param stop the stop asked of this process, which decides the exit code it ends
	 * with
	 */
	public static void print(DeliveryReport report, boolean alreadyDelivered, @Nullable StopRequest stop,
			PrintWriter out) {
		out.printf("Delivery %d: %s%s%n", report.execution(), headline(report, stop),
				alreadyDelivered ? " - delivered earlier; nothing was sent now" : "");
		row(out, "file", report.file()
				+ (report.file().endsWith(report.fileName()) ? "" : " (sent as " + report.fileName() + ")"));
		row(out, "sha-256", report.sha256());
		if (report.channel() instanceof GdbDetails gdb) {
			printGdb(report, gdb, out);
		}
		else if (report.channel() instanceof GenericDetails generic) {
			printGeneric(report, generic, out);
		}
		for (UploadAttempt attempt : report.attempts()) {
			row(out, "attempt " + attempt.number(), attempt(attempt));
		}
		row(out, "timings", timings(report));
		if (report.step() != null) {
			row(out, "step", report.jobStatus() + " in " + report.step());
		}
		for (JournalEntry event : report.events()) {
			row(out, event.kind().name().toLowerCase(Locale.ROOT).replace('_', ' '),
					"[" + TIME.format(event.at()) + ", execution " + event.execution() + "] " + event.message()
							+ ((event.scbAnswer() != null && !event.scbAnswer().isBlank())
									? " - SCB said: " + oneLine(event.scbAnswer()) : ""));
		}
		row(out, "next", report.whatToDo());
		out.flush();
	}

	private static String headline(DeliveryReport report, @Nullable StopRequest stop) {
		if (stop == null) {
			return report.outcome() + " (exit " + report.exitCode() + ")";
		}
		if (report.outcome() == DeliveryOutcome.STOPPED) {
			return "STOPPED on request by " + stop.signal() + " (the process exits " + stop.processExitCode()
					+ "; a later run resumes it)";
		}
		if (report.outcome() == DeliveryOutcome.WAITING) {
			return "WAITING for SCB's verdict, stopped on request by " + stop.signal() + " (the process exits "
					+ stop.processExitCode() + "; a later run follows it without uploading again)";
		}
		return report.outcome() + " (exit " + report.exitCode() + " for this delivery; " + stop.describe() + ")";
	}

	private static void printGdb(DeliveryReport report, GdbDetails gdb, PrintWriter out) {
		row(out, "size",
				(gdb.fragments() == 0)
						? String.format(Locale.ROOT, "%,d bytes, not cut into fragments yet", report.size())
						: String.format(Locale.ROOT, "%,d bytes in %d fragment%s of at most %,d bytes", report.size(),
								gdb.fragments(), (gdb.fragments() == 1) ? "" : "s", gdb.fragmentSize()));
		row(out, "delivery",
				dashed(report.organisation()) + "  " + gdb.program() + "  " + gdb.referencePeriod() + "  "
						+ gdb.fileFormat() + ((gdb.version() != null) ? "  version " + gdb.version() : "") + "  (GDB, "
						+ report.environment() + ")");
		row(out, "DeliveryId", (gdb.deliveryId() != null) ? gdb.deliveryId() : "-");
		row(out, "SCB status", status(gdb.scbStatus()));
	}

	private static void printGeneric(DeliveryReport report, GenericDetails generic, PrintWriter out) {
		row(out, "size", String.format(Locale.ROOT, "%,d bytes, sent whole", report.size()));
		row(out, "delivery", "contract " + generic.contract()
				+ ((report.organisation() != null) ? "  " + dashed(report.organisation()) : "")
				+ ((generic.deliveryFormatName() != null) ? "  format " + generic.deliveryFormatName() : "")
				+ ((generic.externalVersionId() != null) ? "  version " + generic.externalVersionId() : "")
				+ (generic.test() ? "  TEST delivery" : "") + "  (generic service, " + report.environment() + ")");
		row(out, "ticket", (generic.ticket() != null) ? generic.ticket() : "-");
		ValidationResult validation = generic.validation();
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
				+ status.fileWasUploaded() + ((status.submissionDate() != null)
						? ", submitted " + ReadableTimes.scbLocal(status.submissionDate()) : "")
				+ ")";
	}

	private static String attempt(UploadAttempt attempt) {
		StringBuilder text = new StringBuilder("started " + TIME.format(attempt.startedAt()));
		if (attempt.startedOver()) {
			text.append(", sent again from fragment 0");
		}
		if (attempt.deliveryId() != null) {
			text.append(", uploaded ")
				.append(TIME.format(attempt.uploadedAt()))
				.append(" as ")
				.append(attempt.deliveryId());
		}
		if (attempt.ticket() != null) {
			text.append(", posted ")
				.append(TIME.format(attempt.uploadedAt()))
				.append(", ticket ")
				.append(attempt.ticket());
		}
		text.append(", ").append(attempt.polls()).append(attempt.polls() == 1 ? " poll" : " polls");
		if (attempt.verdict() != null) {
			text.append(", ").append(attempt.verdict().text());
		}
		return text.toString();
	}

	private static String timings(DeliveryReport report) {
		Instant started = report.startedAt();
		Instant ended = report.endedAt();
		Duration took = report.took();
		return ((started != null) ? "started " + TIME.format(started) : "not started")
				+ ((ended != null) ? ", ended " + TIME.format(ended) : "")
				+ ((took != null) ? ", took " + readable(took) : "") + began(report);
	}

	/**
	 * When a delivery an earlier execution began (it waited for SCB's verdict, or failed
	 * and was resumed) began, and how long it took in all: this execution's own times are
	 * only its last part, at month-end a fraction of a second after hours of waiting.
	 */
	private static String began(DeliveryReport report) {
		Instant started = report.startedAt();
		Instant ended = report.endedAt();
		Instant first = report.attempts().stream().map(UploadAttempt::startedAt).min(Instant::compareTo).orElse(null);
		if (started == null || ended == null || first == null || !first.isBefore(started)) {
			return "";
		}
		return "; the delivery began " + TIME.format(first) + ", " + readable(Duration.between(first, ended))
				+ " in all";
	}

	private static String readable(Duration duration) {
		long seconds = duration.toSeconds();
		return (seconds < 60) ? String.format(Locale.ROOT, "%.1f s", duration.toMillis() / 1000.0)
				: String.format(Locale.ROOT, "%d:%02d:%02d", seconds / 3600, (seconds / 60) % 60, seconds % 60);
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
