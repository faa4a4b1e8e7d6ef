package se.scbdelivery.scb.generic;

import java.util.ArrayList;
import java.util.List;

import org.jspecify.annotations.Nullable;
import tools.jackson.core.JacksonException;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

import se.scbdelivery.scb.http.ScbAnswer;
import se.scbdelivery.scb.http.ScbBadAnswerException;

import static se.scbdelivery.scb.http.JsonProperties.property;
import static se.scbdelivery.scb.http.JsonProperties.text;

/**
 * Reads the generic service's answers. Property names are matched case-insensitively
 * (SCB's documents write both camelCase and PascalCase); unknown properties are ignored;
 * values that arrive as JSON numbers or booleans are kept as their text.
 */
final class GenericAnswers {

	private static final JsonMapper JSON = JsonMapper.builder().build();

	private GenericAnswers() {
	}

	/**
	 * The POST's ticket: documented as a JSON string; a bare UUID or a {@code {"ticket":
	 * ...}} object are also taken.
	 */
	static Ticket ticket(String call, ScbAnswer answer) {
		String text = answer.text().trim();
		if (text.isEmpty()) {
			throw new ScbBadAnswerException(call, "an empty answer instead of a ticket", null);
		}
		String value = text;
		if (text.startsWith("\"") || text.startsWith("{")) {
			JsonNode json = parse(call, answer);
			JsonNode ticket = json.isObject() ? property(json, "ticket") : json;
			if (ticket == null || !ticket.isString()) {
				throw new ScbBadAnswerException(call, "no ticket in " + quote(answer), null);
			}
			value = ticket.asString().trim();
		}
		try {
			return new Ticket(value);
		}
		catch (IllegalArgumentException ex) {
			throw new ScbBadAnswerException(call, "the ticket is not a UUID in " + quote(answer), ex);
		}
	}

	/**
	 * The DeliveryResult, with {@code json} the whole answer as received.
	 * {@code successfulValidation} is required: without it nothing says whether the data
	 * count as delivered.
	 */
	static ValidationResult result(String call, ScbAnswer answer) {
		JsonNode json = parse(call, answer);
		if (!json.isObject()) {
			throw new ScbBadAnswerException(call, "not a JSON object: " + quote(answer), null);
		}
		Boolean successful = bool(property(json, "successfulValidation"));
		if (successful == null) {
			throw new ScbBadAnswerException(call, "no true or false successfulValidation in " + quote(answer), null);
		}
		List<ValidationError> errors = new ArrayList<>();
		for (JsonNode error : objects(call, json, "errors", answer)) {
			List<RowError> rowErrors = new ArrayList<>();
			for (JsonNode row : objects(call, error, "rowErrors", answer)) {
				rowErrors.add(new RowError(text(row, "errorDescription"), text(row, "rowData")));
			}
			errors.add(new ValidationError(text(error, "httpStatusCode"), text(error, "errorCode"),
					text(error, "errorReason"), text(error, "errorMessage"), rowErrors));
		}
		return new ValidationResult(successful, text(json, "ticket"), errors, answer.text());
	}

	/**
	 * A JSON boolean, or the string {@code "true"} or {@code "false"}; otherwise null.
	 */
	private static @Nullable Boolean bool(@Nullable JsonNode value) {
		if (value == null) {
			return null;
		}
		if (value.isBoolean()) {
			return value.asBoolean();
		}
		String text = value.isString() ? value.asString().trim() : "";
		return text.equalsIgnoreCase("true") || text.equalsIgnoreCase("false") ? Boolean.valueOf(text) : null;
	}

	/**
	 * The objects of an array property; absent or null is empty, anything else is an
	 * error.
	 */
	private static List<JsonNode> objects(String call, JsonNode object, String name, ScbAnswer answer) {
		JsonNode value = property(object, name);
		if (value == null) {
			return List.of();
		}
		if (!value.isArray()) {
			throw new ScbBadAnswerException(call, name + " is not a list in " + quote(answer), null);
		}
		List<JsonNode> items = new ArrayList<>();
		for (JsonNode item : value) {
			if (!item.isObject()) {
				throw new ScbBadAnswerException(call, name + " holds something other than objects in " + quote(answer),
						null);
			}
			items.add(item);
		}
		return items;
	}

	private static JsonNode parse(String call, ScbAnswer answer) {
		JsonNode json;
		try {
			json = JSON.readTree(answer.body());
		}
		catch (JacksonException ex) {
			throw new ScbBadAnswerException(call, "not JSON: " + quote(answer), ex);
		}
		if (json == null || json.isMissingNode()) {
			throw new ScbBadAnswerException(call, "an empty answer", null);
		}
		return json;
	}

	private static String quote(ScbAnswer answer) {
		return "'" + answer.excerpt() + "'";
	}

}
