package se.scbdelivery.scb.generic;

import org.jspecify.annotations.Nullable;

import se.scbdelivery.scb.OrganisationNumber;

/**
 * The metadata of one delivery to SCB's generic delivery service: the fields of
 * {@code POST api/v1/delivery} other than the file. Absent optional fields are left out
 * of the request; {@code test} is sent only when true.
 */
public record GenericSubmission(String contract, @Nullable OrganisationNumber organisation,
		@Nullable String deliveryFormatName, @Nullable String externalVersionId, boolean test) {

}
