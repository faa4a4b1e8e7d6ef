package se.scbdelivery.delivery.gdb;

import java.util.ArrayList;
import java.util.List;

import org.junit.jupiter.api.Test;

import org.springframework.batch.infrastructure.item.ExecutionContext;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;

class FragmentReaderTest {

	@Test
	void cutsAFileIntoFullFragmentsAndARest() {
		FragmentPlan plan = new FragmentPlan(25, 10);
		assertThat(plan.count()).isEqualTo(3);
		assertThat(plan.at(0)).isEqualTo(new Fragment(0, 0, 10));
		assertThat(plan.at(2)).isEqualTo(new Fragment(2, 20, 5));
		assertThat(plan.at(3).isCompletion()).isTrue();
	}

	@Test
	void aFileOfExactlyOneFragmentHasOneFragmentAndTheCompletion() {
		FragmentPlan plan = new FragmentPlan(9_216_000, 9_216_000);
		assertThat(plan.count()).isEqualTo(1);
		assertThat(plan.at(0).length()).isEqualTo(9_216_000);
	}

	@Test
	void rejectsAnEmptyFile() {
		assertThatIllegalArgumentException().isThrownBy(() -> new FragmentPlan(0, 10));
	}

	@Test
	void readsEveryFragmentThenTheCompletionThenNothing() {
		FragmentReader reader = new FragmentReader(new FragmentPlan(25, 10));
		reader.open(new ExecutionContext());
		assertThat(indexes(reader)).containsExactly(0, 1, 2, -1);
	}

	@Test
	void restartsAtTheSavedPositionWithoutRereadingEarlierFragments() {
		// given a run that committed fragments 0 and 1
		FragmentReader first = new FragmentReader(new FragmentPlan(45, 10));
		ExecutionContext context = new ExecutionContext();
		first.open(context);
		first.read();
		first.read();
		first.update(context);
		// when a new execution opens the saved context
		FragmentReader resumed = new FragmentReader(new FragmentPlan(45, 10));
		resumed.open(context);
		// then it yields fragment 2 first and never 0 or 1
		assertThat(resumed.resumedAt()).isEqualTo(2);
		assertThat(indexes(resumed)).containsExactly(2, 3, 4, -1);
	}

	@Test
	void aRestartAfterTheCompletionWasAcknowledgedReadsNothing() {
		FragmentReader first = new FragmentReader(new FragmentPlan(5, 10));
		ExecutionContext context = new ExecutionContext();
		first.open(context);
		indexes(first);
		first.update(context);
		FragmentReader resumed = new FragmentReader(new FragmentPlan(5, 10));
		resumed.open(context);
		assertThat(resumed.read()).isNull();
	}

	private static List<Integer> indexes(FragmentReader reader) {
		List<Integer> indexes = new ArrayList<>();
		for (Fragment fragment = reader.read(); fragment != null; fragment = reader.read()) {
			indexes.add(fragment.index());
		}
		return indexes;
	}

}
