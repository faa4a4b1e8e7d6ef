package se.scbdelivery.delivery.journal;

import com.fasterxml.jackson.annotation.JsonSubTypes;
import com.fasterxml.jackson.annotation.JsonTypeInfo;

/**
 * How an upload attempt ended: SCB's final word on the file through GDB or the generic
 * service, or no word at all (SCB refused the upload, or its answer was lost).
 */
@JsonTypeInfo(use = JsonTypeInfo.Id.NAME, property = "channel")
@JsonSubTypes({ @JsonSubTypes.Type(value = GdbVerdict.class, name = "gdb"),
		@JsonSubTypes.Type(value = GenericVerdict.class, name = "generic"),
		@JsonSubTypes.Type(value = NoVerdict.class, name = "none") })
public sealed interface Verdict permits GdbVerdict, GenericVerdict, NoVerdict {

	/** The verdict as a person reads it: SCB's status text, or why there is none. */
	String text();

	/** What the verdict means for the delivery, whichever the channel. */
	Meaning meaning();

	/** What the reporter must do next. */
	String whatToDo();

	/** The meanings both channels share. */
	enum Meaning {

		/** {@code Inläst}; generic: {@code successfulValidation} true. */
		LOADED,

		/** {@code Inläst med fel}. */
		LOADED_WITH_ERRORS,

		/** {@code Ej inläst}; generic: validation failed. */
		NOT_LOADED,

		/** {@code Systemfel}: SCB asks for the file again. */
		SYSTEM_ERROR,

		/** SCB said nothing final about the file. */
		NONE

	}

}
