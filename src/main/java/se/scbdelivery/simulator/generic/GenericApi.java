package se.scbdelivery.simulator.generic;

import java.time.Clock;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.function.Consumer;

import se.scbdelivery.scb.generic.ProcessingState;
import se.scbdelivery.scb.generic.RowError;
import se.scbdelivery.scb.generic.Ticket;
import se.scbdelivery.scb.generic.ValidationError;
import se.scbdelivery.simulator.server.Answer;
import se.scbdelivery.simulator.server.Channel;
import se.scbdelivery.simulator.server.Faults;
import se.scbdelivery.simulator.server.RequestPath;

/**
 * What SCB's generic delivery service answers (PROTOCOL.md §2), without HTTP plumbing or
 * faults: heartbeat, submission, status and result. Its validation is simulated: a file
 * passes unless it contains {@link GenericContentScanner#FAIL_MARKER}; then it fails with
 * a row-level error quoting its first rows with a {@code ;}, and a file-level error.
 * Thread-safe.
 */
final class GenericApi {

	private final Tickets tickets;

	private final Faults faults;

	private final Clock clock;

	GenericApi(Tickets tickets, Faults faults, Clock clock) {
		this.tickets = tickets;
		this.faults = faults;
		this.clock = clock;
	}

	/** The time, as an ISO instant in a JSON string. */
	Answer heartbeat() {
		return Answer.json(200, this.clock.instant().toString());
	}

	/**
	 * A new ticket for every acceptable submission, even for content delivered before.
	 * @param ticketMade told the ticket as soon as it exists, before the answer is sent
	 */
	Answer submit(ParsedSubmission submission, Consumer<Ticket> ticketMade) {
		Answer refusal = submission.refusal();
		GenericDecodedContent content = submission.content();
		if (refusal != null) {
			return refusal;
		}
		if (content == null) {
			throw new IllegalStateException("the parser accepted a submission without content");
		}
		Ticket ticket = this.tickets.create(validate(content), this.faults.takeProcessing(Channel.GENERIC));
		ticketMade.accept(ticket);
		return Answer.json(200, ticket.value());
	}

	/** 202 while not processed, then 302 with the result's path in {@code Location}. */
	Answer status(String ticketText) {
		Ticket ticket;
		try {
			ticket = new Ticket(ticketText);
		}
		catch (IllegalArgumentException ex) {
			return Answer.message(400, Objects.requireNonNullElse(ex.getMessage(), ex.toString()));
		}
		ProcessingState state = this.tickets.poll(ticket);
		if (state == null) {
			return unknown(ticket);
		}
		if (state == ProcessingState.NOT_PROCESSED) {
			return Answer.json(202, Map.of("status", "Not processed"));
		}
		return Answer.json(302, Map.of("status", "Processed"))
			.withHeader("Location", RequestPath.GENERIC_BASE + "api/v1/delivery/" + ticket.value());
	}

	/**
	 * The DeliveryResult once processed; 404 before, as for an unknown ticket, but saying
	 * so.
	 */
	Answer result(String ticketText) {
		Ticket ticket;
		try {
			ticket = new Ticket(ticketText);
		}
		catch (IllegalArgumentException ex) {
			return Answer.message(400, Objects.requireNonNullElse(ex.getMessage(), ex.toString()));
		}
		Tickets.Outcome outcome = this.tickets.outcome(ticket);
		if (outcome == null) {
			return unknown(ticket);
		}
		if (!outcome.processed()) {
			return Answer.message(404, "delivery with ticket " + ticket.value()
					+ " is not processed yet: poll its status until it answers 302");
		}
		Map<String, Object> result = new LinkedHashMap<>();
		result.put("successfulValidation", outcome.errors().isEmpty());
		result.put("ticket", ticket.value());
		result.put("errors", outcome.errors().stream().map(GenericApi::error).toList());
		return Answer.json(200, result);
	}

	private static List<ValidationError> validate(GenericDecodedContent content) {
		if (!content.failMarker()) {
			return List.of();
		}
		List<String> rows = content.rowsWithSemicolon();
		String first = rows.isEmpty() ? "" : rows.get(0);
		String second = (rows.size() > 1) ? rows.get(1) : first;
		return List.of(
				new ValidationError("BadRequest", "500", "Not validated", "Wrong number of fields",
						List.of(new RowError("Wrong number of Fields", first),
								new RowError("Value is not a date", second))),
				new ValidationError("BadRequest", "510", "Not validated", "Total does not match", List.of()));
	}

	private static Map<String, Object> error(ValidationError error) {
		Map<String, Object> json = new LinkedHashMap<>();
		json.put("httpStatusCode", error.httpStatusCode());
		json.put("errorCode", error.errorCode());
		json.put("errorReason", error.errorReason());
		json.put("errorMessage", error.errorMessage());
		json.put("rowErrors", error.rowErrors().stream().map((row) -> {
			Map<String, Object> rowJson = new LinkedHashMap<>();
			rowJson.put("errorDescription", row.errorDescription());
			rowJson.put("rowData", row.rowData());
			return rowJson;
		}).toList());
		return json;
	}

	private static Answer unknown(Ticket ticket) {
		return Answer.message(404, "no delivery has ticket " + ticket.value());
	}

}
