package se.scbdelivery.simulator.server;

import java.time.Duration;
import java.util.Map;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import se.scbdelivery.simulator.server.Faults.Call;
import se.scbdelivery.simulator.server.Faults.Plan;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;

/**
 * The text form of faults, for {@code simulate --faults}: what each item programs, and
 * what it refuses.
 */
class FaultSpecTest {

	private final Faults faults = new Faults(() -> {
	});

	@Test
	void specProgramsEachItemForItsCallIndexAndTimes() {
		this.faults.apply(
				"fragment:3=503x2, fragment:2=dropx1,heartbeat=429x1,history=delay:5sx1,completion=500,status=Systemfelx1");

		assertThat(statuses(Call.FRAGMENT, 3, 3)).containsExactly(503, 503, 0);
		assertThat(this.faults.plan(Call.FRAGMENT, 2).drop()).isTrue();
		assertThat(this.faults.plan(Call.FRAGMENT, 2).drop()).isFalse();
		Plan heartbeat = this.faults.plan(Call.HEARTBEAT, 0);
		assertThat(heartbeat.response().status()).isEqualTo(429);
		assertThat(heartbeat.response().headers()).contains(Map.entry("Retry-After", "1"));
		assertThat(this.faults.plan(Call.HEARTBEAT, 0).response()).isNull();
		assertThat(this.faults.plan(Call.HISTORY, 0).delay()).isEqualTo(Duration.ofSeconds(5));
		assertThat(this.faults.plan(Call.HISTORY, 0).delay()).isNull();
		assertThat(statuses(Call.COMPLETION, -1, 4)).containsExactly(500, 500, 500, 500);
		assertThat(this.faults.takeFinalStatus()).isEqualTo("Systemfel");
		assertThat(this.faults.takeFinalStatus()).isNull();
	}

	@Test
	void genericCallsAreProgrammedUnderTheirOwnNames() {
		this.faults.apply("generic-heartbeat=503x1,submit=dropx1,status-call=delay:2s,result=404x2,status=Systemfelx1");

		assertThat(this.faults.plan(Call.GENERIC_HEARTBEAT, 0).response().status()).isEqualTo(503);
		assertThat(this.faults.plan(Call.HEARTBEAT, 0).response()).isNull();
		assertThat(this.faults.plan(Call.SUBMIT, 0).drop()).isTrue();
		assertThat(this.faults.plan(Call.SUBMIT, 0).drop()).isFalse();
		assertThat(this.faults.plan(Call.STATUS, 0).delay()).isEqualTo(Duration.ofSeconds(2));
		assertThat(this.faults.plan(Call.STATUS, 0).delay()).isEqualTo(Duration.ofSeconds(2));
		assertThat(statuses(Call.RESULT, 0, 3)).containsExactly(404, 404, 0);
		assertThat(this.faults.takeFinalStatus()).isEqualTo("Systemfel");
	}

	@Test
	void badItemMessageListsTheGenericCalls() {
		assertThatIllegalArgumentException().isThrownBy(() -> this.faults.apply("status-cal=503"))
			.withMessageStartingWith("fault 'status-cal=503' is not valid: unknown call 'status-cal'. Grammar: ")
			.withMessageContaining("generic-heartbeat, submit, status-call or result (generic service)");
	}

	@Test
	void fragmentWithoutIndexMatchesEveryDataFragmentButNotCompletion() {
		this.faults.apply("fragment=drop");

		assertThat(this.faults.plan(Call.FRAGMENT, 0).drop()).isTrue();
		assertThat(this.faults.plan(Call.FRAGMENT, 7).drop()).isTrue();
		assertThat(this.faults.plan(Call.COMPLETION, -1).drop()).isFalse();
	}

	@Test
	void delayUnitsAndStatusTextsWithSpacesAreRead() {
		this.faults.apply("heartbeat=delay:250msx1,history=delay:1m,status=Inläst med felx2");

		assertThat(this.faults.plan(Call.HEARTBEAT, 0).delay()).isEqualTo(Duration.ofMillis(250));
		assertThat(this.faults.plan(Call.HISTORY, 0).delay()).isEqualTo(Duration.ofMinutes(1));
		assertThat(this.faults.takeFinalStatus()).isEqualTo("Inläst med fel");
		assertThat(this.faults.takeFinalStatus()).isEqualTo("Inläst med fel");
		assertThat(this.faults.takeFinalStatus()).isNull();
	}

	@Test
	void badItemIsNamedWithTheGrammarAndNothingIsApplied() {
		assertThatIllegalArgumentException().isThrownBy(() -> this.faults.apply("fragment:3=503x2,fragmnt=500"))
			.withMessageStartingWith("fault 'fragmnt=500' is not valid: unknown call 'fragmnt'. Grammar: ")
			.withMessageContaining("CALL is heartbeat, fragment, fragment:INDEX, completion or history");

		assertThat(this.faults.plan(Call.FRAGMENT, 3).response()).isNull();
	}

	@ParameterizedTest
	@ValueSource(strings = { "fragment:x=503", "history:2=500", "fragment=700", "fragment=503x0", "heartbeat=delay:5h",
			"heartbeat", "completion=", "heartbeat=500,,history=500", "status:1=Systemfel", "submit:1=500",
			"-submit=500", "status-=500" })
	void malformedItemsAreRejected(String spec) {
		assertThatIllegalArgumentException().isThrownBy(() -> this.faults.apply(spec))
			.withMessageStartingWith("fault '")
			.withMessageContaining("Grammar: ");
	}

	@Test
	void processingGivesTheNextDeliveriesAndTicketsOfEachApiThatTime() {
		this.faults.apply("processing=60sx2,processing=500ms");

		assertThat(this.faults.takeProcessing(Channel.GDB)).isEqualTo(Duration.ofSeconds(60));
		assertThat(this.faults.takeProcessing(Channel.GENERIC)).isEqualTo(Duration.ofSeconds(60));
		assertThat(this.faults.takeProcessing(Channel.GDB)).isEqualTo(Duration.ofSeconds(60));
		assertThat(this.faults.takeProcessing(Channel.GDB)).isEqualTo(Duration.ofMillis(500));
		assertThat(this.faults.takeProcessing(Channel.GDB)).isEqualTo(Duration.ofMillis(500));
		assertThat(this.faults.takeProcessing(Channel.GENERIC)).isEqualTo(Duration.ofSeconds(60));
		assertThat(this.faults.takeProcessing(Channel.GENERIC)).isEqualTo(Duration.ofMillis(500));
		assertThat(this.faults.plan(Call.HISTORY, 0)).isEqualTo(new Plan(null, null, null, false));
	}

	@Test
	void processingInMinutesOnceIsUsedUpAndClearForgetsProcessing() {
		this.faults.apply("processing=5mx1");

		assertThat(this.faults.takeProcessing(Channel.GDB)).isEqualTo(Duration.ofMinutes(5));
		assertThat(this.faults.takeProcessing(Channel.GDB)).isNull();

		this.faults.apply("processing=1s");
		this.faults.clear();

		assertThat(this.faults.takeProcessing(Channel.GENERIC)).isNull();
	}

	@ParameterizedTest
	@ValueSource(strings = { "processing=fast", "processing:1=5s", "processing=5sx0", "processing=5h", "processing=-5s",
			"processing=" })
	void malformedProcessingItemsAreRejected(String spec) {
		assertThatIllegalArgumentException().isThrownBy(() -> this.faults.apply(spec))
			.withMessageStartingWith("fault '")
			.withMessageContaining("Grammar: ")
			.withMessageContaining("processing=DURATION[xTIMES]");
	}

	@Test
	void negativeProcessingIsRefused() {
		assertThatIllegalArgumentException().isThrownBy(() -> this.faults.processing(1, Duration.ofSeconds(-1)))
			.withMessageContaining("must not be negative");
	}

	@Test
	void blankSpecAddsNothing() {
		this.faults.apply(" ");

		assertThat(this.faults.plan(Call.HEARTBEAT, 0)).isEqualTo(new Plan(null, null, null, false));
	}

	private int[] statuses(Call call, int index, int calls) {
		int[] statuses = new int[calls];
		for (int i = 0; i < calls; i++) {
			Answer response = this.faults.plan(call, index).response();
			statuses[i] = (response != null) ? response.status() : 0;
		}
		return statuses;
	}

}
