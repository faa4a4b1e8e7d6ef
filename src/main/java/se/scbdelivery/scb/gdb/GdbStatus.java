package se.scbdelivery.scb.gdb;

import java.util.Arrays;

import org.jspecify.annotations.Nullable;

/**
 * A history Status text with its ProgressStatus. SCB may add texts in future versions, so
 * an unknown text is kept as it is and judged by its ProgressStatus alone.
 */
public record GdbStatus(String text, int progressStatus) {

	/** What a status means for the delivery. */
	public enum Kind {

		PROCESSING("Bearbetar", "SCB is still processing the file: keep polling"),

		LOADED("Inläst", "received, validated without remarks and passed on: nothing more to do"),

		LOADED_WITH_ERRORS("Inläst med fel",
				"loaded without critical errors, but with errors to review in Indataportalen"),

		NOT_LOADED("Ej inläst",
				"validation failed: correct the file and deliver a complete file again; the reporting duty is not met until then"),

		SYSTEM_ERROR("Systemfel", "technical error at SCB: upload the file again; if it persists, contact SCB"),

		UNKNOWN(null, "a status this version does not know: check the delivery in Indataportalen");

		private final @Nullable String text;

		private final String whatToDo;

		Kind(@Nullable String text, String whatToDo) {
			this.text = text;
			this.whatToDo = whatToDo;
		}

		public String whatToDo() {
			return this.whatToDo;
		}

	}

	public Kind kind() {
		return Arrays.stream(Kind.values())
			.filter((kind) -> kind.text != null && kind.text.equalsIgnoreCase(this.text.trim()))
			.findFirst()
			.orElse(Kind.UNKNOWN);
	}

	/**
	 * Whether SCB has finished with the file. An unknown text counts as finished when its
	 * ProgressStatus says so (2 finished with error, 3 finished OK).
	 */
	public boolean isFinal() {
		return switch (kind()) {
			case PROCESSING -> false;
			case UNKNOWN -> this.progressStatus == 2 || this.progressStatus == 3;
			default -> true;
		};
	}

	/** What the reporter must do next (PROTOCOL.md's table). */
	public String whatToDo() {
		Kind kind = kind();
		if (kind == Kind.UNKNOWN) {
			return "SCB answered a status this version does not know ('" + this.text + "', ProgressStatus "
					+ this.progressStatus + "): check the delivery in Indataportalen";
		}
		return kind.whatToDo();
	}

}
