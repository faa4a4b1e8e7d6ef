package se.scbdelivery.delivery;

import java.nio.file.Path;
import java.util.Objects;

import org.jspecify.annotations.Nullable;

import se.scbdelivery.scb.OrganisationNumber;
import se.scbdelivery.scb.generic.GenericSubmission;

/**
 * One delivery through SCB's generic service, as the user asked for it, every value
 * checked. Build one with {@link #of}, which turns each bad value into a one-line
 * {@link InvalidDeliveryInputException}.
 */
public record GenericDeliveryRequest(Path file, String fileName, String contract,
		@Nullable OrganisationNumber organisation, @Nullable String deliveryFormatName,
		@Nullable String externalVersionId, boolean test) implements DeliveryRequest {

	/**
	 * @throws InvalidDeliveryInputException naming the first bad value
	 */
	public static GenericDeliveryRequest of(Path file, @Nullable String contract, @Nullable String organisation,
			@Nullable String deliveryFormatName, @Nullable String externalVersionId, boolean test) {
		if (file == null || file.getFileName() == null) {
			throw new InvalidDeliveryInputException("--file is missing: give the path of the file to deliver");
		}
		if (contract == null || contract.isBlank()) {
			throw new InvalidDeliveryInputException(
					"--contract is missing: the generic service needs the delivery agreement SCB gave you");
		}
		return new GenericDeliveryRequest(file.toAbsolutePath().normalize(), GdbDeliveryRequest.fileName(null, file),
				text("contract", contract), organisation(organisation),
				optional("delivery format name", deliveryFormatName),
				optional("external version id", externalVersionId), test);
	}

	@Override
	public Channel channel() {
		return Channel.GENERIC;
	}

	public GenericSubmission submission() {
		return new GenericSubmission(this.contract, this.organisation, this.deliveryFormatName, this.externalVersionId,
				this.test);
	}

	private static @Nullable OrganisationNumber organisation(@Nullable String text) {
		if (text == null || text.isEmpty()) {
			return null;
		}
		try {
			return OrganisationNumber.parse(text);
		}
		catch (IllegalArgumentException ex) {
			throw new InvalidDeliveryInputException(Objects.requireNonNullElse(ex.getMessage(), ex.toString()));
		}
	}

	private static @Nullable String optional(String what, @Nullable String text) {
		return (text == null || text.isEmpty()) ? null : text(what, text);
	}

	private static String text(String what, String text) {
		if (text.isBlank() || text.length() > 100 || text.chars().anyMatch(Character::isISOControl)) {
			throw new InvalidDeliveryInputException(what + " '" + text.replaceAll("\\p{Cntrl}", "?")
					+ "' must be 1-100 characters without control characters");
		}
		return text;
	}

}
