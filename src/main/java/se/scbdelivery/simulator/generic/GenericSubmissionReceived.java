package se.scbdelivery.simulator.generic;

import java.nio.file.Path;
import java.util.Set;

import org.jspecify.annotations.Nullable;

import se.scbdelivery.scb.generic.Ticket;
import se.scbdelivery.simulator.ScbStandIn;

/**
 * One {@code POST api/v1/delivery} the stand-in received, as the client sent it: the
 * fields as found (valid or not) and the decoded file. {@code decodedBytes} is the
 * stand-in's own array: don't change it.
 *
 * @param ticket the ticket made, or {@code null} when the POST was refused (by validation
 * or a respond fault) or is still held by a gate
 * @param status the HTTP status answered, or {@link #NO_ANSWER} while held or when a drop
 * fault closed the connection without one
 * @param orgNr {@code orgNr} exactly as sent, or {@code null} when absent or JSON null
 * @param test {@code test}, or {@code null} when absent
 * @param fields every top-level field name the body had, unknown ones included
 * @param decodedSize the size of the decoded {@code fileContent}, or -1 when it was
 * missing or not valid base64
 * @param decodedSha256 its SHA-256 in lower-case hex, or {@code null} when there was none
 * @param decodedBytes the decoded file when it has at most 16 MiB, else {@code null}
 * @param decodedFile a temporary file holding a larger decoded file, deleted by
 * {@link ScbStandIn#reset()} and {@link ScbStandIn#close()}; else {@code null}
 */
public record GenericSubmissionReceived(@Nullable Ticket ticket, int status, @Nullable String contract,
		@Nullable String orgNr, @Nullable Boolean test, @Nullable String deliveryFormatName,
		@Nullable String externalVersionId, Set<String> fields, long decodedSize, @Nullable String decodedSha256,
		byte @Nullable [] decodedBytes, @Nullable Path decodedFile) {

	/**
	 * The {@link #status()} of a request that has not been, or never will be, answered.
	 */
	public static final int NO_ANSWER = 0;

	public GenericSubmissionReceived {
		fields = Set.copyOf(fields);
	}

	static GenericSubmissionReceived arrived(ParsedSubmission submission) {
		GenericDecodedContent content = submission.content();
		return new GenericSubmissionReceived(null, NO_ANSWER, submission.contract(), submission.orgNr(),
				submission.test(), submission.deliveryFormatName(), submission.externalVersionId(), submission.fields(),
				(content != null) ? content.file().size() : -1, (content != null) ? content.sha256() : null,
				(content != null) ? content.file().bytesInMemory() : null,
				(content != null) ? content.file().temporaryFile() : null);
	}

	GenericSubmissionReceived withTicket(Ticket made) {
		return new GenericSubmissionReceived(made, this.status, this.contract, this.orgNr, this.test,
				this.deliveryFormatName, this.externalVersionId, this.fields, this.decodedSize, this.decodedSha256,
				this.decodedBytes, this.decodedFile);
	}

	GenericSubmissionReceived answered(int answeredStatus) {
		return new GenericSubmissionReceived(this.ticket, answeredStatus, this.contract, this.orgNr, this.test,
				this.deliveryFormatName, this.externalVersionId, this.fields, this.decodedSize, this.decodedSha256,
				this.decodedBytes, this.decodedFile);
	}

	@Override
	public String toString() {
		return "GenericSubmissionReceived[ticket=" + this.ticket + ", status=" + this.status + ", contract="
				+ this.contract + ", orgNr=" + this.orgNr + ", test=" + this.test + ", deliveryFormatName="
				+ this.deliveryFormatName + ", externalVersionId=" + this.externalVersionId + ", fields=" + this.fields
				+ ", decodedSize=" + this.decodedSize + ", decodedSha256=" + this.decodedSha256 + ", decodedFile="
				+ this.decodedFile + "]";
	}

}
