package se.scbdelivery.simulator.generic;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashSet;
import java.util.Set;
import java.util.function.Consumer;

import org.jspecify.annotations.Nullable;
import tools.jackson.core.JacksonException;
import tools.jackson.core.JsonParser;
import tools.jackson.core.JsonToken;
import tools.jackson.core.StreamReadFeature;
import tools.jackson.core.exc.JacksonIOException;
import tools.jackson.core.json.JsonFactory;

import se.scbdelivery.scb.OrganisationNumber;
import se.scbdelivery.simulator.server.Answer;

/**
 * Reads a {@code POST api/v1/delivery} body from a file with Jackson's streaming parser,
 * decoding {@code fileObject.fileContent} straight into a {@link GenericDecodingSink}, so
 * neither the body nor the file is ever held in memory. Checks what SCB's service would
 * refuse with 400: a body that is not a JSON object, {@code contract} missing or blank,
 * an {@code orgNr} that is not an organisation number (JSON null counts as absent), a
 * {@code test} that is not a boolean, a {@code deliveryFormatName} or
 * {@code externalVersionId} that is not a string, and {@code fileObject.fileContent}
 * missing or not base64. Unknown fields are skipped unread.
 */
final class SubmissionParser {

	/**
	 * Duplicate fields are refused: with two {@code fileContent}s, which one was
	 * delivered?
	 */
	private static final JsonFactory JSON = JsonFactory.builder()
		.enable(StreamReadFeature.STRICT_DUPLICATE_DETECTION)
		.build();

	private final Set<String> fields = new LinkedHashSet<>();

	private @Nullable String contract;

	private @Nullable String orgNr;

	private @Nullable Boolean test;

	private @Nullable String deliveryFormatName;

	private @Nullable String externalVersionId;

	private @Nullable GenericDecodedContent content;

	private SubmissionParser() {
	}

	/**
	 * @param body the request body as received
	 * @throws UncheckedIOException when the body or the decoded content's temporary file
	 * cannot be read or written
	 */
	static ParsedSubmission parse(Path body) {
		SubmissionParser parser = new SubmissionParser();
		String problem;
		try (InputStream in = Files.newInputStream(body); JsonParser json = JSON.createParser(in)) {
			problem = parser.readBody(json);
		}
		catch (JacksonIOException ex) {
			throw new UncheckedIOException("the stand-in could not read " + body, ex.getCause());
		}
		catch (JacksonException ex) {
			problem = "the body is not JSON: " + oneLine(ex.getOriginalMessage());
		}
		catch (IOException ex) {
			throw new UncheckedIOException("the stand-in could not read " + body, ex);
		}
		if (problem == null) {
			problem = parser.missing();
		}
		return new ParsedSubmission(parser.fields, parser.contract, parser.orgNr, parser.test,
				parser.deliveryFormatName, parser.externalVersionId, parser.content,
				(problem != null) ? Answer.message(400, problem) : null);
	}

	/**
	 * @return what is wrong with the body, or {@code null} when it is well-formed
	 */
	private @Nullable String readBody(JsonParser json) throws IOException {
		JsonToken first = json.nextToken();
		if (first != JsonToken.START_OBJECT) {
			return "the body must be a JSON object with contract and fileObject.fileContent, not "
					+ ((first != null) ? describe(json) : "empty");
		}
		String name;
		while ((name = json.nextName()) != null) {
			this.fields.add(name);
			json.nextToken();
			String problem = field(name, json);
			if (problem != null) {
				return problem;
			}
		}
		if (json.nextToken() != null) {
			return "the body is not JSON: more follows the object's closing '}'";
		}
		return null;
	}

	private @Nullable String field(String name, JsonParser json) throws IOException {
		return switch (name) {
			case "contract" -> text(name, json, (value) -> this.contract = value);
			case "orgNr" -> text(name, json, (value) -> this.orgNr = value);
			case "deliveryFormatName" -> text(name, json, (value) -> this.deliveryFormatName = value);
			case "externalVersionId" -> text(name, json, (value) -> this.externalVersionId = value);
			case "test" -> test(json);
			case "fileObject" -> fileObject(json);
			default -> {
				json.skipChildren();
				yield null;
			}
		};
	}

	private static @Nullable String text(String name, JsonParser json, Consumer<@Nullable String> field) {
		JsonToken token = json.currentToken();
		if (token != JsonToken.VALUE_STRING && token != JsonToken.VALUE_NULL) {
			return name + " must be a JSON string, not " + describe(json);
		}
		field.accept((token == JsonToken.VALUE_STRING) ? json.getString() : null);
		return null;
	}

	private @Nullable String test(JsonParser json) {
		JsonToken token = json.currentToken();
		if (token != JsonToken.VALUE_TRUE && token != JsonToken.VALUE_FALSE) {
			return "test must be true or false, not " + describe(json);
		}
		this.test = token == JsonToken.VALUE_TRUE;
		return null;
	}

	private @Nullable String fileObject(JsonParser json) throws IOException {
		if (json.currentToken() != JsonToken.START_OBJECT) {
			return "fileObject must be a JSON object with fileContent, not " + describe(json);
		}
		String name;
		while ((name = json.nextName()) != null) {
			JsonToken value = json.nextToken();
			if (!name.equals("fileContent")) {
				json.skipChildren();
			}
			else if (value != JsonToken.VALUE_STRING) {
				return "fileObject.fileContent must be the file as a base64 string, not " + describe(json);
			}
			else {
				String problem = decode(json);
				if (problem != null) {
					return problem;
				}
			}
		}
		return null;
	}

	private @Nullable String decode(JsonParser json) throws IOException {
		GenericDecodingSink sink = GenericDecodingSink.create();
		try {
			json.readBinaryValue(sink);
			this.content = sink.finish();
			return null;
		}
		catch (JacksonIOException ex) {
			sink.discard();
			throw ex;
		}
		catch (JacksonException ex) {
			sink.discard();
			return "fileObject.fileContent is not valid base64: " + oneLine(ex.getOriginalMessage());
		}
	}

	/** What a valid body must have but this one lacks, checked in field order. */
	private @Nullable String missing() {
		if (this.contract == null || this.contract.isBlank()) {
			return "contract is missing or blank: give the id of the delivery agreement, from SCB";
		}
		// a JSON null is what a client that serialises absent values sends: no
		// organisation
		if (this.orgNr != null) {
			try {
				new OrganisationNumber(this.orgNr);
			}
			catch (IllegalArgumentException ex) {
				return "orgNr: " + ex.getMessage() + " (or leave orgNr out when the data concern no one organisation)";
			}
		}
		if (this.content == null) {
			return "fileObject.fileContent is missing: give the file's bytes there as base64";
		}
		return null;
	}

	private static String describe(JsonParser json) {
		JsonToken token = json.currentToken();
		return switch (token) {
			case START_OBJECT -> "an object";
			case START_ARRAY -> "an array";
			case VALUE_NULL -> "null";
			// never its text: it may be a huge string
			case VALUE_STRING -> "a string";
			default -> json.getString();
		};
	}

	private static String oneLine(@Nullable String message) {
		return (message != null) ? message.replaceAll("\\s+", " ").trim() : "unreadable";
	}

}
