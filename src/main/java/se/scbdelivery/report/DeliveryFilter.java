package se.scbdelivery.report;

import java.time.Instant;
import java.time.LocalDateTime;
import java.time.ZoneId;
import java.util.Arrays;
import java.util.LinkedHashSet;
import java.util.Locale;
import java.util.Set;
import java.util.function.Predicate;
import java.util.stream.Collectors;
import java.util.stream.Stream;

import org.jspecify.annotations.Nullable;

import org.springframework.batch.core.BatchStatus;
import org.springframework.batch.core.job.JobExecution;

import se.scbdelivery.delivery.DeliveryJobParameters;
import se.scbdelivery.delivery.outcome.DeliveryOutcome;
import se.scbdelivery.scb.OrganisationNumber;

/**
 * Which executions {@code list} shows. It tests the execution as read from the job
 * repository, before its report is assembled, so the journal of an execution that does
 * not match is never read. An empty set or a {@code null} means "any".
 *
 * @param statuses job statuses ({@code FAILED}) or outcomes ({@code NOT_LOADED}), upper
 * case
 * @param organisation the organisation delivered for
 * @param since the earliest start
 */
public record DeliveryFilter(Set<String> statuses, @Nullable OrganisationNumber organisation,
		@Nullable Instant since) implements Predicate<JobExecution> {

	/** Every word {@code --status} accepts: the job statuses, then the outcomes. */
	public static final Set<String> STATUS_WORDS = Stream
		.concat(Arrays.stream(BatchStatus.values()).map(Enum::name),
				Arrays.stream(DeliveryOutcome.values()).map(Enum::name))
		.collect(Collectors.toCollection(LinkedHashSet::new));

	public DeliveryFilter {
		statuses = Set.copyOf(statuses);
	}

	/**
	 * Parses {@code --status} words, in any case.
	 * @throws IllegalArgumentException naming the first unknown word and listing the
	 * allowed ones
	 */
	public static Set<String> statuses(Iterable<String> words) {
		Set<String> statuses = new LinkedHashSet<>();
		for (String word : words) {
			String status = word.trim().toUpperCase(Locale.ROOT);
			if (!STATUS_WORDS.contains(status)) {
				throw new IllegalArgumentException(
						"--status '" + word + "' is not a job status or an outcome: use one or"
								+ " more, comma-separated, of " + String.join(", ", STATUS_WORDS));
			}
			statuses.add(status);
		}
		return statuses;
	}

	/** Whether this filter lets every execution through. */
	public boolean isAny() {
		return this.statuses.isEmpty() && this.organisation == null && this.since == null;
	}

	@Override
	public boolean test(JobExecution execution) {
		return hasStatus(execution) && isFor(execution) && startedInTime(execution);
	}

	private boolean hasStatus(JobExecution execution) {
		// the outcome as DeliveryReports#of names it, without reading the journal
		DeliveryOutcome outcome = execution.isRunning() ? DeliveryOutcome.RUNNING
				: DeliveryOutcome.ofExitCode(execution.getExitStatus().getExitCode());
		return this.statuses.isEmpty() || this.statuses.contains(execution.getStatus().name())
				|| this.statuses.contains(outcome.name());
	}

	private boolean isFor(JobExecution execution) {
		return this.organisation == null || this.organisation.value()
			.equals(execution.getJobParameters().getString(DeliveryJobParameters.ORGANISATION));
	}

	private boolean startedInTime(JobExecution execution) {
		LocalDateTime started = execution.getStartTime();
		// the repository keeps local times, in the zone of the process that ran the job
		return this.since == null
				|| (started != null && !started.atZone(ZoneId.systemDefault()).toInstant().isBefore(this.since));
	}

}
