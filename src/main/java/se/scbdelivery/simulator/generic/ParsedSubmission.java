package se.scbdelivery.simulator.generic;

import java.util.Set;

import org.jspecify.annotations.Nullable;

import se.scbdelivery.simulator.server.Answer;

/**
 * A {@code POST api/v1/delivery} body as read: the known fields found (the others
 * ignored) and the decoded file, or the refusal SCB would answer instead of a ticket. The
 * fields are what the client sent, valid or not, up to where reading stopped.
 *
 * @param fields the top-level field names present, unknown ones included
 * @param orgNr {@code orgNr} as sent, or {@code null} when absent or JSON null
 * @param test {@code test}, or {@code null} when absent
 * @param content the decoded {@code fileObject.fileContent}, or {@code null} when it was
 * missing or could not be decoded
 * @param refusal the 400 or 415 to answer, or {@code null} when the body is acceptable
 */
record ParsedSubmission(Set<String> fields, @Nullable String contract, @Nullable String orgNr, @Nullable Boolean test,
		@Nullable String deliveryFormatName, @Nullable String externalVersionId,
		@Nullable GenericDecodedContent content, @Nullable Answer refusal) {

	ParsedSubmission {
		fields = Set.copyOf(fields);
	}

	/** A body refused without being read. */
	static ParsedSubmission refused(Answer refusal) {
		return new ParsedSubmission(Set.of(), null, null, null, null, null, null, refusal);
	}

	/**
	 * Deletes the decoded content's temporary file, for a submission nobody will look at.
	 */
	void discard() {
		if (this.content != null) {
			this.content.delete();
		}
	}

}
