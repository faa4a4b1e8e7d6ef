package se.scbdelivery.delivery.outcome;

/**
 * What {@link DeliveryLauncher} did: the report of the execution that ran, or of the
 * earlier one that had already completed (then nothing was sent).
 */
public record DeliveryResult(DeliveryReport report, boolean alreadyDelivered) {

	public int exitCode() {
		return this.report.exitCode();
	}

}
