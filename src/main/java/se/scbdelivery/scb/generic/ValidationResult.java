package se.scbdelivery.scb.generic;

import java.util.List;

import org.jspecify.annotations.Nullable;

/**
 * SCB's DeliveryResult for a ticket ({@code GET api/v1/delivery/{ticket}}): whether the
 * data passed validation and every error with its row errors. {@code json} is the answer
 * exactly as received, kept so that nothing SCB said is lost even if it adds fields.
 */
public record ValidationResult(boolean successfulValidation, @Nullable String ticket, List<ValidationError> errors,
		String json) {

	public ValidationResult {
		errors = List.copyOf(errors);
	}

}
