package se.scbdelivery.config;

import java.time.Duration;
import java.util.Map;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import org.springframework.boot.context.properties.bind.BindException;
import org.springframework.boot.context.properties.bind.Binder;
import org.springframework.boot.context.properties.source.MapConfigurationPropertySource;
import org.springframework.core.NestedExceptionUtils;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatExceptionOfType;

/**
 * {@code scb.http.completion-timeout} binds as the operator writes it, defaults to 30
 * minutes, and a value that is not above zero is refused with a one-line reason.
 */
class HttpSettingsTest {

	@Test
	void theCompletionTimeoutIsThirtyMinutesUnlessSet() {
		assertThat(bind(Map.of()).completionTimeout()).isEqualTo(Duration.ofMinutes(30));
		assertThat(bind(Map.of("scb.http.completion-timeout", "45m")).completionTimeout())
			.isEqualTo(Duration.ofMinutes(45));
	}

	@Test
	void theCompletionTimeoutIsItsOwnSetting() {
		ScbProperties.Http http = bind(Map.of("scb.http.response-timeout", "5s"));

		assertThat(http.responseTimeout()).isEqualTo(Duration.ofSeconds(5));
		assertThat(http.completionTimeout()).isEqualTo(Duration.ofMinutes(30));
	}

	@ParameterizedTest
	@ValueSource(strings = { "0s", "-1m" })
	void aCompletionTimeoutThatIsNotAboveZeroIsRefused(String timeout) {
		assertThatExceptionOfType(BindException.class)
			.isThrownBy(() -> bind(Map.of("scb.http.completion-timeout", timeout)))
			.satisfies((ex) -> assertThat(NestedExceptionUtils.getMostSpecificCause(ex))
				.isInstanceOf(IllegalArgumentException.class)
				.hasMessageStartingWith("scb.http.completion-timeout=")
				.hasMessageEndingWith(" must be a duration above 0, such as 30m")
				.hasMessageNotContaining("\n"));
	}

	private static ScbProperties.Http bind(Map<String, String> settings) {
		return new Binder(new MapConfigurationPropertySource(settings)).bindOrCreate("scb", ScbProperties.class).http();
	}

}
