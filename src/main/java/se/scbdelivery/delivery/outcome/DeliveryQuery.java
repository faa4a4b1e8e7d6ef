package se.scbdelivery.delivery.outcome;

import java.time.Instant;
import java.util.Arrays;
import java.util.LinkedHashSet;
import java.util.Locale;
import java.util.Set;
import java.util.stream.Collectors;
import java.util.stream.Stream;

import org.jspecify.annotations.Nullable;

import org.springframework.batch.core.BatchStatus;

/**
 * Which executions {@code list} shows. {@link DeliveryExecutions} turns it into SQL, so
 * the database applies every part of it and an execution that does not match is never
 * read. An empty set or a {@code null} means "any".
 *
 * @param statuses job statuses ({@code FAILED}) or outcomes ({@code NOT_LOADED}), upper
 * case
 * @param organisation the organisation number delivered for, ten digits
 * @param since the earliest start
 * @param everyExecution every execution of a delivery, also those a later one superseded,
 * instead of only its newest
 */
public record DeliveryQuery(Set<String> statuses, @Nullable String organisation, @Nullable Instant since,
		boolean everyExecution) {

	/** Every word {@code --status} accepts: the job statuses, then the outcomes. */
	public static final Set<String> STATUS_WORDS = Stream
		.concat(Arrays.stream(BatchStatus.values()).map(Enum::name),
				Arrays.stream(DeliveryOutcome.values()).map(Enum::name))
		.collect(Collectors.toCollection(LinkedHashSet::new));

	/** Every delivery, as its newest execution. */
	public static final DeliveryQuery ANY = new DeliveryQuery(Set.of(), null, null, false);

	public DeliveryQuery {
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

	/** Whether this query lets every delivery through. */
	public boolean isAny() {
		return this.statuses.isEmpty() && this.organisation == null && this.since == null;
	}

}
