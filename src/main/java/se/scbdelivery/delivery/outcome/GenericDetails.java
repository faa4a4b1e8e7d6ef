package se.scbdelivery.delivery.outcome;

import org.jspecify.annotations.Nullable;

import se.scbdelivery.scb.generic.ValidationResult;

/**
 * A generic delivery's contract, format, test flag, ticket and SCB's whole validation
 * result.
 */
public record GenericDetails(String contract, @Nullable String deliveryFormatName, @Nullable String externalVersionId,
		boolean test, @Nullable String ticket, @Nullable ValidationResult validation) implements ChannelDetails {

	@Override
	public String program() {
		return "generic";
	}

	@Override
	public @Nullable String referencePeriod() {
		return null;
	}

	@Override
	public @Nullable String fileFormat() {
		return null;
	}

	@Override
	public @Nullable String scbReference() {
		return (this.ticket != null) ? "ticket " + this.ticket : null;
	}

	@Override
	public @Nullable String receipt() {
		return this.ticket;
	}

	@Override
	public @Nullable String scbVerdict() {
		return (this.validation != null) ? "successfulValidation " + this.validation.successfulValidation() : null;
	}

}
