package se.scbdelivery.delivery.gdb;

/**
 * How a file of a given size is cut: fragments {@code 0..count-1} of at most
 * {@code fragmentSize} bytes, then the completion. Position {@code count} in the plan is
 * the completion, so a plan has {@code count + 1} items.
 */
public record FragmentPlan(long fileSize, int fragmentSize) {

	public FragmentPlan {
		if (fileSize < 1 || fragmentSize < 1) {
			throw new IllegalArgumentException("file size and fragment size must be positive");
		}
	}

	public int count() {
		return Math.toIntExact((this.fileSize + this.fragmentSize - 1) / this.fragmentSize);
	}

	/**
	 * The item at a position: a data fragment for {@code 0..count-1}, the completion at
	 * {@code count}.
	 */
	public Fragment at(int position) {
		if (position == count()) {
			return Fragment.completion();
		}
		if (position < 0 || position > count()) {
			throw new IndexOutOfBoundsException("fragment " + position + " of " + count());
		}
		long offset = (long) position * this.fragmentSize;
		return new Fragment(position, offset, (int) Math.min(this.fragmentSize, this.fileSize - offset));
	}

}
