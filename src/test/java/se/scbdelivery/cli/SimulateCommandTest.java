package se.scbdelivery.cli;

import java.time.Duration;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;
import picocli.CommandLine;
import picocli.CommandLine.ParameterException;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatExceptionOfType;

/**
 * {@code simulate --processing} and {@code --completion-check} read SCB's processing and
 * checking times in the simple and the ISO-8601 forms.
 */
class SimulateCommandTest {

	private final CommandLine simulate = new CommandLine(new SimulateCommand());

	@ParameterizedTest
	@CsvSource({ "60s, PT60S", "5m, PT5M", "500ms, PT0.5S", "PT1M30S, PT1M30S", "0s, PT0S" })
	void processingTakesSimpleAndIsoDurations(String text, Duration expected) {
		this.simulate.parseArgs("--processing", text);

		assertThat(processing()).isEqualTo(expected);
	}

	@Test
	void processingIsNoneByDefault() {
		this.simulate.parseArgs();

		assertThat(processing()).isEqualTo(Duration.ZERO);
	}

	@ParameterizedTest
	@ValueSource(strings = { "-5s", "soon", "5 minutes" })
	void aProcessingTimeThatIsNoDurationOfZeroOrMoreIsRefused(String text) {
		assertThatExceptionOfType(ParameterException.class)
			.isThrownBy(() -> this.simulate.parseArgs("--processing", text))
			.withMessageContaining("is not a processing time")
			.withMessageContaining("60s, 5m, 500ms or PT1M30S");
	}

	@Test
	void helpDescribesTheProcessingTime() {
		String help = this.simulate.getUsageMessage(CommandLine.Help.Ansi.OFF);

		assertThat(help).contains("--processing=<duration>")
			.contains("SCB's processing time")
			.contains("processing=DURATION[xTIMES]");
	}

	@Test
	void theCompletionCheckTakesADurationAndIsNoneByDefault() {
		this.simulate.parseArgs();
		assertThat(completionCheck()).isEqualTo(Duration.ZERO);

		this.simulate.parseArgs("--completion-check", "3m");
		assertThat(completionCheck()).isEqualTo(Duration.ofMinutes(3));
	}

	@Test
	void aCompletionCheckThatIsNoDurationOfZeroOrMoreIsRefused() {
		assertThatExceptionOfType(ParameterException.class)
			.isThrownBy(() -> this.simulate.parseArgs("--completion-check", "-1s"))
			.withMessageContaining("'-1s' is not a completion check time");
	}

	@Test
	void helpDescribesTheCompletionCheck() {
		String help = this.simulate.getUsageMessage(CommandLine.Help.Ansi.OFF);

		assertThat(help).contains("--completion-check=<duration>").contains("completing fragment -1");
	}

	private Duration processing() {
		return this.simulate.getCommandSpec().findOption("--processing").getValue();
	}

	private Duration completionCheck() {
		return this.simulate.getCommandSpec().findOption("--completion-check").getValue();
	}

}
