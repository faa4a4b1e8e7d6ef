package se.scbdelivery.delivery.journal;

import com.fasterxml.jackson.annotation.JsonSubTypes;
import com.fasterxml.jackson.annotation.JsonTypeInfo;

/**
 * SCB's latest detailed answer about the file, kept whole for the report: the last
 * {@code history/} entry (GDB) or the whole validation result (generic service).
 */
@JsonTypeInfo(use = JsonTypeInfo.Id.NAME, property = "channel")
@JsonSubTypes({ @JsonSubTypes.Type(value = GdbAnswer.class, name = "gdb"),
		@JsonSubTypes.Type(value = GenericAnswer.class, name = "generic") })
public sealed interface ScbAnswer permits GdbAnswer, GenericAnswer {

}
