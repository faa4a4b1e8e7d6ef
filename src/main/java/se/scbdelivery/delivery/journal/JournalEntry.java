package se.scbdelivery.delivery.journal;

import java.time.Instant;

import org.jspecify.annotations.Nullable;

/**
 * Something a person should be able to read later: a warning, a resume, SCB's own words
 * when it refused something, why an execution failed.
 */
public record JournalEntry(Instant at, long execution, Kind kind, String message, @Nullable String scbAnswer) {

	public enum Kind {

		INFO, WARNING, SCB_REFUSAL, FAILURE,

		/** A person's decision about the delivery, such as abandoning it. */
		DECISION

	}

}
