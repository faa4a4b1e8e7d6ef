package se.scbdelivery.delivery.journal;

/**
 * An attempt that ended without SCB's final word: refused at upload, or its answer lost.
 */
public record NoVerdict(String why) implements Verdict {

	@Override
	public String text() {
		return this.why;
	}

	@Override
	public Meaning meaning() {
		return Meaning.NONE;
	}

	@Override
	public String whatToDo() {
		return this.why;
	}

}
