package se.scbdelivery.delivery.journal;

/** The generic service's validation result: whether the file validated without errors. */
public record GenericVerdict(boolean successfulValidation) implements Verdict {

	@Override
	public String text() {
		return "successfulValidation " + this.successfulValidation;
	}

	@Override
	public Meaning meaning() {
		return this.successfulValidation ? Meaning.LOADED : Meaning.NOT_LOADED;
	}

	@Override
	public String whatToDo() {
		return this.successfulValidation ? "validated without errors: nothing more to do"
				: "validation failed: correct the errors listed and deliver the file again; data count as delivered"
						+ " only without validation errors";
	}

}
