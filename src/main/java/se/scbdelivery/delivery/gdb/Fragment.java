package se.scbdelivery.delivery.gdb;

/**
 * One item of the upload step: a byte range of the file with its fragment index, or the
 * completing empty fragment {@code -1}.
 */
public record Fragment(int index, long offset, int length) {

	public static final int COMPLETION_INDEX = -1;

	static Fragment completion() {
		return new Fragment(COMPLETION_INDEX, 0, 0);
	}

	public boolean isCompletion() {
		return this.index == COMPLETION_INDEX;
	}

}
