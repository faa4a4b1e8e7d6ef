package se.scbdelivery.scb.gdb;

import org.jspecify.annotations.Nullable;
import tools.jackson.core.JacksonException;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

import se.scbdelivery.scb.http.ScbAnswer;
import se.scbdelivery.scb.http.ScbBadAnswerException;

import static se.scbdelivery.scb.http.JsonProperties.property;
import static se.scbdelivery.scb.http.JsonProperties.text;

/**
 * Reads SCB's JSON answers. Property names are matched case-insensitively, as SCB's own
 * client does (its documentation writes PascalCase); unknown properties are ignored.
 */
final class GdbAnswers {

	private static final JsonMapper JSON = JsonMapper.builder().build();

	private GdbAnswers() {
	}

	/** The completing fragment's {@code {"DeliveryId": ..., "TimeStamp": ...}}. */
	static DeliveryReceipt receipt(String call, ScbAnswer answer) {
		JsonNode json = object(call, answer);
		String id = text(json, "DeliveryId");
		if (id == null || id.isBlank()) {
			throw new ScbBadAnswerException(call, "no DeliveryId in " + quote(answer), null);
		}
		try {
			return new DeliveryReceipt(new DeliveryId(id.trim()), text(json, "TimeStamp"));
		}
		catch (IllegalArgumentException ex) {
			throw new ScbBadAnswerException(call, "the DeliveryId is not a GUID in " + quote(answer), ex);
		}
	}

	/**
	 * {@code history/{id}}: an unknown Status text is kept, a missing one is an error.
	 */
	static HistoryEntry history(String call, ScbAnswer answer) {
		JsonNode json = object(call, answer);
		String status = text(json, "Status");
		if (status == null) {
			throw new ScbBadAnswerException(call, "no Status in " + quote(answer), null);
		}
		JsonNode progress = property(json, "ProgressStatus");
		if (progress == null || !(progress.canConvertToInt() || progress.asString().trim().matches("-?\\d{1,9}"))) {
			throw new ScbBadAnswerException(call, "no numeric ProgressStatus in " + quote(answer), null);
		}
		int progressStatus = progress.isNumber() ? progress.asInt() : Integer.parseInt(progress.asString().trim());
		JsonNode uploaded = property(json, "FileWasUploaded");
		boolean fileWasUploaded = uploaded != null
				&& (uploaded.isBoolean() ? uploaded.asBoolean() : "true".equalsIgnoreCase(uploaded.asString().trim()));
		return new HistoryEntry(text(json, "Id"), progressStatus, text(json, "SubmissionDate"), status,
				fileWasUploaded);
	}

	/**
	 * The heartbeat's body, SCB's time of the call, with any JSON string quotes removed.
	 */
	static @Nullable String serverTime(ScbAnswer answer) {
		String text = answer.text().trim();
		if (text.length() >= 2 && text.startsWith("\"") && text.endsWith("\"")) {
			text = text.substring(1, text.length() - 1).trim();
		}
		return text.isEmpty() ? null : text;
	}

	private static JsonNode object(String call, ScbAnswer answer) {
		JsonNode json;
		try {
			json = JSON.readTree(answer.body());
		}
		catch (JacksonException ex) {
			throw new ScbBadAnswerException(call, "not JSON: " + quote(answer), ex);
		}
		if (json == null || !json.isObject()) {
			throw new ScbBadAnswerException(call, "not a JSON object: " + quote(answer), null);
		}
		return json;
	}

	private static String quote(ScbAnswer answer) {
		return "'" + answer.excerpt() + "'";
	}

}
