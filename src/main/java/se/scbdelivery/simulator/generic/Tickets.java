package se.scbdelivery.simulator.generic;

import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.UUID;

import org.jspecify.annotations.Nullable;

import se.scbdelivery.scb.generic.ProcessingState;
import se.scbdelivery.scb.generic.Ticket;
import se.scbdelivery.scb.generic.ValidationError;

/**
 * The generic service's tickets and their validation outcome. A ticket's status answers
 * {@link ProcessingState#NOT_PROCESSED} for the first {@code pollsBeforeFinal} polls, and it
 * counts as processed (its result can be fetched) from the moment the last of those has
 * been answered, as if SCB finished validating right after it: with 0 polls, at once.
 * Tickets are matched ignoring case. Thread-safe.
 */
final class Tickets {

	/** The validation errors (none: it passed) and the polls answered so far. */
	private static final class Entry {

		private final List<ValidationError> errors;

		private int polls;

		Entry(List<ValidationError> errors) {
			this.errors = List.copyOf(errors);
		}

	}

	/** A ticket's validation outcome, and whether it may be told yet. */
	record Outcome(boolean processed, List<ValidationError> errors) {

	}

	private final int pollsBeforeFinal;

	private final Map<String, Entry> entries = new HashMap<>();

	Tickets(int pollsBeforeFinal) {
		this.pollsBeforeFinal = pollsBeforeFinal;
	}

	synchronized Ticket create(List<ValidationError> errors) {
		Ticket ticket = new Ticket(UUID.randomUUID().toString());
		this.entries.put(key(ticket), new Entry(errors));
		return ticket;
	}

	/** Counts one poll. {@code null} for an unknown ticket. */
	synchronized @Nullable ProcessingState poll(Ticket ticket) {
		Entry entry = this.entries.get(key(ticket));
		if (entry == null) {
			return null;
		}
		entry.polls++;
		return (entry.polls <= this.pollsBeforeFinal) ? ProcessingState.NOT_PROCESSED : ProcessingState.PROCESSED;
	}

	/** {@code null} for an unknown ticket. */
	synchronized @Nullable Outcome outcome(Ticket ticket) {
		Entry entry = this.entries.get(key(ticket));
		if (entry == null) {
			return null;
		}
		return new Outcome(entry.polls >= this.pollsBeforeFinal, entry.errors);
	}

	synchronized void clear() {
		this.entries.clear();
	}

	private static String key(Ticket ticket) {
		return ticket.value().toLowerCase(Locale.ROOT);
	}

}
