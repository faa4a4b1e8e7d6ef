package se.scbdelivery.delivery.journal;

import se.scbdelivery.scb.generic.ValidationResult;

/**
 * The generic service's DeliveryResult: every error with its row errors, and the raw
 * answer.
 */
public record GenericAnswer(ValidationResult result) implements ScbAnswer {

}
