package se.scbdelivery.simulator.generic;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.UUID;

import org.jspecify.annotations.Nullable;

import se.scbdelivery.scb.generic.ProcessingState;
import se.scbdelivery.scb.generic.Ticket;
import se.scbdelivery.scb.generic.ValidationError;
import se.scbdelivery.simulator.server.Channel;
import se.scbdelivery.simulator.server.UploadEvent;
import se.scbdelivery.simulator.server.UploadLog;

/**
 * The generic service's tickets and their validation outcome. A ticket's status answers
 * {@link ProcessingState#NOT_PROCESSED} for the first {@code pollsBeforeFinal} polls and
 * until its processing time has passed since it was made, and it counts as processed (its
 * result can be fetched) from the moment both are over, as if SCB finished validating
 * right after the last of those polls or once the time is up: with 0 polls and no
 * processing time, at once. Tickets are matched ignoring case. Thread-safe.
 */
final class Tickets {

	/**
	 * The validation errors (none: it passed), when its processing is over, and the polls
	 * answered so far.
	 */
	private static final class Entry {

		private final List<ValidationError> errors;

		private final Instant processed;

		private int polls;

		private boolean finalAnswered;

		Entry(List<ValidationError> errors, Instant processed) {
			this.errors = List.copyOf(errors);
			this.processed = processed;
		}

	}

	/** A ticket's validation outcome, and whether it may be told yet. */
	record Outcome(boolean processed, List<ValidationError> errors) {

	}

	private final int pollsBeforeFinal;

	private final Duration processing;

	private final Clock clock;

	private final UploadLog log;

	private final Map<String, Entry> entries = new HashMap<>();

	/**
	 * @param processing how long each ticket is processed, unless {@link #create} is told
	 * otherwise
	 */
	Tickets(int pollsBeforeFinal, Duration processing, Clock clock, UploadLog log) {
		this.pollsBeforeFinal = pollsBeforeFinal;
		this.processing = processing;
		this.clock = clock;
		this.log = log;
	}

	/**
	 * @param processing how long SCB processes it, or {@code null} for the usual time
	 */
	synchronized Ticket create(List<ValidationError> errors, @Nullable Duration processing) {
		Ticket ticket = new Ticket(UUID.randomUUID().toString());
		this.entries.put(key(ticket),
				new Entry(errors, this.clock.instant().plus((processing != null) ? processing : this.processing)));
		this.log.event(Channel.GENERIC, ticket.value(), UploadEvent.Kind.COMPLETED);
		return ticket;
	}

	/** Counts one poll. {@code null} for an unknown ticket. */
	synchronized @Nullable ProcessingState poll(Ticket ticket) {
		Entry entry = this.entries.get(key(ticket));
		if (entry == null) {
			return null;
		}
		entry.polls++;
		if (entry.polls <= this.pollsBeforeFinal || this.clock.instant().isBefore(entry.processed)) {
			return ProcessingState.NOT_PROCESSED;
		}
		if (!entry.finalAnswered) {
			entry.finalAnswered = true;
			this.log.event(Channel.GENERIC, ticket.value(), UploadEvent.Kind.FINAL_STATUS_ANSWERED);
		}
		return ProcessingState.PROCESSED;
	}

	/** {@code null} for an unknown ticket. */
	synchronized @Nullable Outcome outcome(Ticket ticket) {
		Entry entry = this.entries.get(key(ticket));
		if (entry == null) {
			return null;
		}
		return new Outcome(entry.polls >= this.pollsBeforeFinal && !this.clock.instant().isBefore(entry.processed),
				entry.errors);
	}

	synchronized void clear() {
		this.entries.clear();
	}

	private static String key(Ticket ticket) {
		return ticket.value().toLowerCase(Locale.ROOT);
	}

}
