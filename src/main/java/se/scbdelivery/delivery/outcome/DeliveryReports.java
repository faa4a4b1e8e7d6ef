package se.scbdelivery.delivery.outcome;

import java.time.Duration;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.ZoneId;
import java.util.Comparator;
import java.util.List;
import java.util.Objects;

import org.jspecify.annotations.Nullable;

import org.springframework.batch.core.BatchStatus;
import org.springframework.batch.core.job.JobExecution;
import org.springframework.batch.core.job.parameters.JobParameters;
import org.springframework.batch.core.step.StepExecution;
import org.springframework.stereotype.Component;

import se.scbdelivery.delivery.Channel;
import se.scbdelivery.delivery.DeliveryJobParameters;
import se.scbdelivery.delivery.journal.DeliveryJournal;
import se.scbdelivery.delivery.journal.DeliveryJournals;
import se.scbdelivery.delivery.journal.JournalEntry;
import se.scbdelivery.delivery.journal.Verdict;
import se.scbdelivery.scb.gdb.HistoryEntry;
import se.scbdelivery.scb.generic.ValidationResult;

/**
 * Assembles the {@link DeliveryReport} of an execution from its parameters and journal.
 */
@Component
public class DeliveryReports {

	private final DeliveryJournals journals;

	DeliveryReports(DeliveryJournals journals) {
		this.journals = journals;
	}

	/** The report of an execution as it stands, with its recorded outcome. */
	public DeliveryReport of(JobExecution execution) {
		return of(execution, null);
	}

	/**
	 * The report of an execution as it stands; one a later execution of its delivery took
	 * over is SUPERSEDED, naming that execution.
	 */
	public DeliveryReport of(JobExecution execution, @Nullable Long supersededBy) {
		DeliveryJournal journal = this.journals.read(execution);
		DeliveryOutcome outcome = (supersededBy != null) ? DeliveryOutcome.SUPERSEDED : execution.isRunning()
				? DeliveryOutcome.RUNNING : DeliveryOutcome.ofExitCode(execution.getExitStatus().getExitCode());
		return assemble(execution, journal, execution.getStatus(), outcome, supersededBy,
				failureOf(execution, journal));
	}

	/**
	 * The report of a delivery whose job instance {@code prune} removed, from the record
	 * it kept and the parameters the file is delivered with now (the same identifying
	 * ones; the path may differ). Its attempts and events went with the instance.
	 */
	public DeliveryReport ofPruned(JobParameters parameters, PrunedDelivery pruned) {
		Channel channel = DeliveryJobParameters.channel(parameters);
		// SCB's last answers went with the instance; the receipt was kept
		ChannelDetails details = details(channel, parameters, pruned.fragments(), pruned.fragmentSize(),
				pruned.receipt(), null, null);
		String prunedOn = "its record pruned on " + pruned.prunedAt().atZone(ZoneId.systemDefault()).toLocalDate();
		String whatToDo = pruned.abandoned()
				? Objects.requireNonNullElse(pruned.decision(), "abandoned") + " (" + prunedOn
						+ "); scans and restarts leave it alone: 'deliver' the file to send it anew"
				: "was delivered by execution " + pruned.execution() + " (" + prunedOn + "): nothing sent";
		return new DeliveryReport(pruned.execution(), pruned.instance(), channel.key(),
				(pruned.abandoned() ? BatchStatus.ABANDONED : BatchStatus.COMPLETED).name(), null, pruned.outcome(),
				pruned.outcome().exitCode(), null, parameters.getString(DeliveryJobParameters.ENVIRONMENT),
				parameters.getString(DeliveryJobParameters.FILE), parameters.getString(DeliveryJobParameters.FILE_NAME),
				parameters.getString(DeliveryJobParameters.SHA256), parameters.getLong(DeliveryJobParameters.SIZE),
				present(parameters, DeliveryJobParameters.ORGANISATION), details, whatToDo, null, pruned.started(),
				pruned.ended(), (pruned.started() != null) ? Duration.between(pruned.started(), pruned.ended()) : null,
				List.of(), List.of());
	}

	/** The report of an execution with the status and outcome it is about to end with. */
	DeliveryReport assemble(JobExecution execution, DeliveryJournal journal, BatchStatus status,
			DeliveryOutcome outcome, @Nullable String failure) {
		return assemble(execution, journal, status, outcome, null, failure);
	}

	private DeliveryReport assemble(JobExecution execution, DeliveryJournal journal, BatchStatus status,
			DeliveryOutcome outcome, @Nullable Long supersededBy, @Nullable String failure) {
		JobParameters parameters = execution.getJobParameters();
		Channel channel = DeliveryJobParameters.channel(parameters);
		Instant started = instant(execution.getStartTime());
		Instant ended = instant(execution.getEndTime());
		return new DeliveryReport(execution.getId(), execution.getJobInstance().getInstanceId(), channel.key(),
				status.name(), (status == BatchStatus.COMPLETED) ? null : stepOf(execution), outcome,
				outcome.exitCode(), supersededBy, parameters.getString(DeliveryJobParameters.ENVIRONMENT),
				parameters.getString(DeliveryJobParameters.FILE), parameters.getString(DeliveryJobParameters.FILE_NAME),
				parameters.getString(DeliveryJobParameters.SHA256), parameters.getLong(DeliveryJobParameters.SIZE),
				present(parameters, DeliveryJobParameters.ORGANISATION), details(channel, parameters, journal),
				whatToDo(execution, journal, outcome, supersededBy), failure, started, ended,
				(started != null && ended != null) ? Duration.between(started, ended) : null, journal.attempts(),
				journal.entries());
	}

	private static ChannelDetails details(Channel channel, JobParameters parameters, DeliveryJournal journal) {
		String receipt = switch (channel) {
			case GDB -> journal.deliveryId();
			case GENERIC -> journal.ticket();
		};
		return details(channel, parameters, journal.fragmentCount(), journal.fragmentSize(), receipt,
				journal.lastHistory(), journal.validation());
	}

	/**
	 * What belongs to the channel: what was delivered, from the parameters, and what SCB
	 * gave back (the DeliveryId or ticket, and its last answer).
	 */
	private static ChannelDetails details(Channel channel, JobParameters parameters, int fragments, int fragmentSize,
			@Nullable String receipt, @Nullable HistoryEntry lastHistory, @Nullable ValidationResult validation) {
		return switch (channel) {
			case GDB -> new GdbDetails(parameters.getString(DeliveryJobParameters.PROGRAM),
					parameters.getString(DeliveryJobParameters.PERIOD),
					parameters.getString(DeliveryJobParameters.FORMAT),
					present(parameters, DeliveryJobParameters.VERSION), fragments, fragmentSize, receipt, lastHistory);
			case GENERIC -> new GenericDetails(parameters.getString(DeliveryJobParameters.CONTRACT),
					present(parameters, DeliveryJobParameters.DELIVERY_FORMAT_NAME),
					present(parameters, DeliveryJobParameters.EXTERNAL_VERSION_ID),
					Boolean.parseBoolean(parameters.getString(DeliveryJobParameters.TEST)), receipt, validation);
		};
	}

	/** The newest step the execution ran: where it failed, stopped or is running. */
	static @Nullable String stepOf(JobExecution execution) {
		return execution.getStepExecutions()
			.stream()
			.max(Comparator.comparing(StepExecution::getId))
			.map(StepExecution::getStepName)
			.orElse(null);
	}

	private static @Nullable String present(JobParameters parameters, String key) {
		String value = parameters.getString(key);
		return (value == null || value.isEmpty()) ? null : value;
	}

	private static @Nullable String failureOf(JobExecution execution, DeliveryJournal journal) {
		String described = DeliveryFailures.describe(execution);
		if (described != null) {
			return described;
		}
		// failures read back from the repository are only in the exit description and the
		// journal
		return journal.entries()
			.stream()
			.filter((entry) -> entry.kind() == JournalEntry.Kind.FAILURE && entry.execution() == execution.getId())
			.map(JournalEntry::message)
			.reduce((first, second) -> second)
			.orElse(null);
	}

	private static String whatToDo(JobExecution execution, DeliveryJournal journal, DeliveryOutcome outcome,
			@Nullable Long supersededBy) {
		Verdict verdict = journal.verdict();
		return switch (outcome) {
			case LOADED, NOT_LOADED, LOADED_WITH_ERRORS -> (verdict != null) ? verdict.whatToDo() : outcome.name();
			case REFUSED -> "SCB refused the file at upload: correct it and deliver a complete file again";
			case INVALID_INPUT -> "fix the input named above and deliver again; nothing was sent in this execution";
			case FAILED, STOPPED -> (execution.getStatus() == BatchStatus.UNKNOWN)
					? "left UNKNOWN by a job repository that failed: the next scan, 'restart --failed' or 'restart "
							+ execution.getId() + "' reconciles it from its journal and resumes it"
					: "resume with 'restart " + execution.getId()
							+ "' (or run the same deliver again): it continues where it stopped";
			case WAITING -> waitingAdvice(execution, journal);
			case RUNNING -> "running; follow it with 'list'";
			case SKIPPED -> "left for a later run";
			case ABANDONED -> execution.getExitStatus().getExitDescription()
					+ "; scans and restarts leave it alone: 'deliver' the file to send it anew";
			case SUPERSEDED -> "nothing: execution " + supersededBy + " took this delivery over from here";
		};
	}

	private static String waitingAdvice(JobExecution execution, DeliveryJournal journal) {
		String receipt = (journal.deliveryId() != null) ? "DeliveryId " + journal.deliveryId()
				: "ticket " + journal.ticket();
		return "uploaded; SCB is processing it (" + receipt + "): the next scan or 'restart " + execution.getId()
				+ "' follows it without uploading again";
	}

	private static @Nullable Instant instant(@Nullable LocalDateTime time) {
		return (time != null) ? time.atZone(ZoneId.systemDefault()).toInstant() : null;
	}

}
