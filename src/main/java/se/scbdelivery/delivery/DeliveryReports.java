package se.scbdelivery.delivery;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.function.Predicate;

import org.jspecify.annotations.Nullable;
import tools.jackson.databind.SerializationFeature;
import tools.jackson.databind.json.JsonMapper;

import org.springframework.batch.core.BatchStatus;
import org.springframework.batch.core.job.JobExecution;
import org.springframework.batch.core.job.JobInstance;
import org.springframework.batch.core.job.parameters.JobParameters;
import org.springframework.batch.core.repository.JobRepository;
import org.springframework.stereotype.Component;

import se.scbdelivery.config.ScbProperties;
import se.scbdelivery.scb.gdb.GdbStatus;

/** Assembles a {@link DeliveryReport} from an execution and writes it as JSON. */
@Component
public class DeliveryReports {

	/** Job instances read from the repository at once by {@link #recent(int, Predicate)}. */
	private static final int PAGE = 100;

	private final JobRepository jobRepository;

	private final DeliveryJournals journals;

	private final Path dir;

	private final JsonMapper json;

	DeliveryReports(JobRepository jobRepository, DeliveryJournals journals, ScbProperties properties) {
		this.jobRepository = jobRepository;
		this.journals = journals;
		this.dir = properties.report().dir();
		this.json = JsonMapper.builder().enable(SerializationFeature.INDENT_OUTPUT).build();
	}

	/** The reports of the newest executions, newest first. */
	public List<DeliveryReport> recent(int limit) {
		return recent(limit, (execution) -> true);
	}

	/**
	 * The reports of the newest executions that pass the filter, newest first. The filter sees
	 * each execution as the repository holds it; only a match is assembled into a report
	 * (its journal read). Job instances are read a page at a time, newest first, until each
	 * job has given {@code limit} matches: memory holds a page and the matches, but a filter
	 * that matches little reads every execution. As without a filter, "newest" is by job
	 * instance, so a recent restart of an old delivery may be left out.
	 */
	public List<DeliveryReport> recent(int limit, Predicate<JobExecution> filter) {
		List<DeliveryReport> recent = new ArrayList<>();
		for (String job : List.of(DeliveryJobConfiguration.JOB_NAME, GenericDeliveryJobConfiguration.JOB_NAME)) {
			int found = 0;
			for (int start = 0; found < limit; start += PAGE) {
				List<JobInstance> page = this.jobRepository.getJobInstances(job, start, PAGE);
				for (JobInstance instance : page) {
					if (found >= limit) {
						break;
					}
					for (JobExecution execution : this.jobRepository.getJobExecutions(instance)) {
						if (filter.test(execution)) {
							recent.add(of(execution));
							found++;
						}
					}
				}
				if (page.size() < PAGE) {
					break;
				}
			}
		}
		recent.sort(Comparator.comparingLong(DeliveryReport::execution).reversed());
		return recent.subList(0, Math.min(limit, recent.size()));
	}

	/** The report of an execution as it stands, with its recorded outcome. */
	public DeliveryReport of(JobExecution execution) {
		DeliveryJournal journal = this.journals.read(execution);
		DeliveryOutcome outcome = execution.isRunning() ? DeliveryOutcome.RUNNING
				: DeliveryOutcome.ofExitCode(execution.getExitStatus().getExitCode());
		return assemble(execution, journal, execution.getStatus(), outcome, failureOf(execution, journal));
	}

	DeliveryReport assemble(JobExecution execution, DeliveryJournal journal, BatchStatus status,
			DeliveryOutcome outcome, @Nullable String failure) {
		JobParameters parameters = execution.getJobParameters();
		boolean generic = DeliveryJobParameters.GENERIC.equals(DeliveryJobParameters.api(parameters));
		Instant started = instant(execution.getStartTime());
		Instant ended = instant(execution.getEndTime());
		return new DeliveryReport(execution.getId(), execution.getJobInstance().getInstanceId(),
				DeliveryJobParameters.api(parameters), status.name(), outcome, outcome.exitCode(),
				parameters.getString(DeliveryJobParameters.ENVIRONMENT),
				parameters.getString(DeliveryJobParameters.FILE), parameters.getString(DeliveryJobParameters.FILE_NAME),
				parameters.getString(DeliveryJobParameters.SHA256), parameters.getLong(DeliveryJobParameters.SIZE),
				present(parameters, DeliveryJobParameters.ORGANISATION), present(parameters, DeliveryJobParameters.PROGRAM),
				present(parameters, DeliveryJobParameters.PERIOD), present(parameters, DeliveryJobParameters.FORMAT),
				present(parameters, DeliveryJobParameters.VERSION), journal.fragmentCount(), journal.fragmentSize(),
				journal.deliveryId(), journal.lastStatus(), present(parameters, DeliveryJobParameters.CONTRACT),
				present(parameters, DeliveryJobParameters.DELIVERY_FORMAT_NAME),
				present(parameters, DeliveryJobParameters.EXTERNAL_VERSION_ID),
				generic ? Boolean.valueOf(parameters.getString(DeliveryJobParameters.TEST)) : null, journal.ticket(),
				journal.validation(), whatToDo(execution, journal, outcome), failure, started, ended,
				(started != null && ended != null) ? Duration.between(started, ended) : null, journal.attempts(),
				journal.entries());
	}

	private static @Nullable String present(JobParameters parameters, String key) {
		String value = parameters.getString(key);
		return (value == null || value.isEmpty()) ? null : value;
	}

	/** Writes the report under {@code scb.report.dir}, replacing an earlier one of the same execution. */
	Path write(DeliveryReport report) {
		Path target = this.dir.resolve("delivery-" + report.execution() + "-"
				+ (report.isGeneric() ? "generic-" + safe(report.contract())
						: report.organisation() + "-" + report.program() + "-" + report.referencePeriod())
				+ ".json");
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

	/** A contract as part of a file name: SCB's contract ids are free text. */
	private static String safe(@Nullable String text) {
		return (text == null) ? "" : text.replaceAll("[^A-Za-z0-9._-]", "_");
	}

	private static @Nullable String failureOf(JobExecution execution, DeliveryJournal journal) {
		String described = DeliveryFailures.describe(execution);
		if (described != null) {
			return described;
		}
		// failures read back from the repository are only in the exit description and the journal
		return journal.entries()
			.stream()
			.filter((entry) -> entry.kind() == JournalEntry.Kind.FAILURE && entry.execution() == execution.getId())
			.map(JournalEntry::message)
			.reduce((first, second) -> second)
			.orElse(null);
	}

	private static String whatToDo(JobExecution execution, DeliveryJournal journal, DeliveryOutcome outcome) {
		UploadAttempt attempt = journal.currentAttempt();
		if (journal.validation() != null && (outcome == DeliveryOutcome.LOADED || outcome == DeliveryOutcome.NOT_LOADED)) {
			return journal.validation().successfulValidation() ? "validated without errors: nothing more to do"
					: "validation failed: correct the errors listed and deliver the file again; data count as delivered"
							+ " only without validation errors";
		}
		return switch (outcome) {
			case LOADED, NOT_LOADED, LOADED_WITH_ERRORS -> (attempt != null && attempt.finalStatus() != null
					&& attempt.finalProgressStatus() != null)
					? new GdbStatus(attempt.finalStatus(), attempt.finalProgressStatus()).whatToDo()
					: outcome.name();
			case REFUSED -> "SCB refused the file at upload: correct it and deliver a complete file again";
			case INVALID_INPUT -> "fix the input named above and deliver again; nothing was sent in this execution";
			case FAILED, STOPPED -> "resume with 'restart " + execution.getId()
					+ "' (or run the same deliver again): it continues where it stopped";
			case RUNNING -> "running; follow it with 'list'";
			case SKIPPED -> "left for a later run";
		};
	}

	private static @Nullable Instant instant(@Nullable LocalDateTime time) {
		return (time != null) ? time.atZone(ZoneId.systemDefault()).toInstant() : null;
	}

}
