package se.scbdelivery.scb.generic;

import java.util.List;

import org.jspecify.annotations.Nullable;

/** One error of a DeliveryResult, every field as SCB sent it. */
public record ValidationError(@Nullable String httpStatusCode, @Nullable String errorCode, @Nullable String errorReason,
		@Nullable String errorMessage, List<RowError> rowErrors) {

	public ValidationError {
		rowErrors = List.copyOf(rowErrors);
	}

}
