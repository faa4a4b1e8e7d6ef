package se.scbdelivery.delivery.outcome;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;

import org.jspecify.annotations.Nullable;
import tools.jackson.databind.SerializationFeature;
import tools.jackson.databind.json.JsonMapper;

import org.springframework.batch.core.BatchStatus;
import org.springframework.batch.core.job.JobExecution;
import org.springframework.batch.core.job.parameters.JobParameters;
import org.springframework.stereotype.Component;

import se.scbdelivery.config.ScbProperties;
import se.scbdelivery.delivery.DeliveryJobParameters;
import se.scbdelivery.delivery.journal.DeliveryJournal;
import se.scbdelivery.delivery.journal.DeliveryJournals;

/**
 * The one writer of delivery reports: assembles an execution's report, writes it as JSON
 * under {@code scb.report.dir} (replacing an earlier one of the same execution,
 * atomically), and notes its path in the journal.
 */
@Component
public class DeliveryReportWriter {

	private final DeliveryReports reports;

	private final DeliveryJournals journals;

	private final Path dir;

	private final JsonMapper json;

	DeliveryReportWriter(DeliveryReports reports, DeliveryJournals journals, ScbProperties properties) {
		this.reports = reports;
		this.journals = journals;
		this.dir = properties.report().dir();
		this.json = JsonMapper.builder().enable(SerializationFeature.INDENT_OUTPUT).build();
	}

	/** Writes the report of a delivery SCB has given its verdict on. */
	public Path writeCompleted(JobExecution execution) {
		DeliveryJournal journal = this.journals.read(execution);
		return write(execution, journal, BatchStatus.COMPLETED, DeliveryOutcome.ofVerdict(journal), null);
	}

	/** Writes the report of an ended execution as the repository holds it. */
	public Path writeEnded(JobExecution execution) {
		DeliveryJournal journal = this.journals.read(execution);
		return write(execution, journal, execution.getStatus(),
				DeliveryOutcome.ofExitCode(execution.getExitStatus().getExitCode()), null);
	}

	/** Writes the report of an execution with the status and outcome it ends with. */
	Path write(JobExecution execution, DeliveryJournal journal, BatchStatus status, DeliveryOutcome outcome,
			@Nullable String failure) {
		DeliveryReport report = this.reports.assemble(execution, journal, status, outcome, failure);
		Path written = write(report, this.dir.resolve(fileName(execution.getId(), execution.getJobParameters())));
		this.journals.update(execution, (j) -> j.withReportFile(written.toString()));
		return written;
	}

	/**
	 * The name of an execution's report in {@code scb.report.dir}, from its delivery's
	 * identifying parameters: {@code delivery-{execution}-{org}-{program}-{period}.json},
	 * or {@code delivery-{execution}-generic-{contract}.json}.
	 */
	public static String fileName(long execution, JobParameters parameters) {
		String describe = switch (DeliveryJobParameters.channel(parameters)) {
			case GDB -> present(parameters, DeliveryJobParameters.ORGANISATION) + "-"
					+ parameters.getString(DeliveryJobParameters.PROGRAM) + "-"
					+ parameters.getString(DeliveryJobParameters.PERIOD);
			case GENERIC -> "generic-" + safe(parameters.getString(DeliveryJobParameters.CONTRACT));
		};
		return "delivery-" + execution + "-" + describe + ".json";
	}

	private Path write(DeliveryReport report, Path target) {
		try {
			Files.createDirectories(this.dir);
			Path temporary = Files.createTempFile(this.dir, ".delivery-", ".json.tmp");
			Files.writeString(temporary, this.json.writeValueAsString(report));
			Files.move(temporary, target, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
			return target;
		}
		catch (IOException ex) {
			throw new UncheckedIOException("cannot write the report " + target + ": " + ex.getMessage(), ex);
		}
	}

	/** As the report writes the organisation: none when the parameter is empty. */
	private static @Nullable String present(JobParameters parameters, String key) {
		String value = parameters.getString(key);
		return (value == null || value.isEmpty()) ? null : value;
	}

	/** A contract as part of a file name: SCB's contract ids are free text. */
	private static String safe(String text) {
		return text.replaceAll("[^A-Za-z0-9._-]", "_");
	}

}
