package se.scbdelivery.delivery.gdb;

import org.jspecify.annotations.Nullable;

import org.springframework.batch.infrastructure.item.ExecutionContext;
import org.springframework.batch.infrastructure.item.ItemStreamReader;
import org.springframework.batch.infrastructure.item.ItemStreamSupport;

/**
 * Yields fragments {@code 0..n-1} and then the completion {@code -1}, as byte ranges: the
 * bytes are read by the writer, straight from the file, so the file is never in memory.
 * Restartable: {@link #update} saves the position of the next fragment, and the step
 * commits after every fragment, so the saved position is always the fragment after the
 * last one SCB acknowledged. Not thread-safe; one instance per step execution.
 */
class FragmentReader extends ItemStreamSupport implements ItemStreamReader<Fragment> {

	private static final String NAME = "fragments";

	private static final String NEXT = "next";

	private final FragmentPlan plan;

	private int next;

	private int resumedAt;

	FragmentReader(FragmentPlan plan) {
		this.plan = plan;
		setName(NAME);
	}

	@Override
	public void open(ExecutionContext context) {
		this.next = context.getInt(getExecutionContextKey(NEXT), 0);
		this.resumedAt = this.next;
	}

	@Override
	public @Nullable Fragment read() {
		if (this.next > this.plan.count()) {
			return null;
		}
		return this.plan.at(this.next++);
	}

	@Override
	public void update(ExecutionContext context) {
		context.putInt(getExecutionContextKey(NEXT), this.next);
	}

	/** The position a step context saved: where an upload that stopped will resume. */
	static int savedPosition(ExecutionContext context) {
		return context.getInt(NAME + "." + NEXT, 0);
	}

	/** Saves a position past the completion: the step sends nothing. */
	static void skipAll(ExecutionContext context, int fragmentCount) {
		context.putInt(NAME + "." + NEXT, fragmentCount + 1);
	}

	/**
	 * The position this step execution started from: above 0 when it resumed an upload.
	 */
	int resumedAt() {
		return this.resumedAt;
	}

}
