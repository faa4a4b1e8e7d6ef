package se.scbdelivery.scb.http;

import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;

import org.jspecify.annotations.Nullable;

import se.scbdelivery.config.ScbProperties;
import se.scbdelivery.testsupport.ProductSettings;

/**
 * The HTTP layer's settings for its own tests, bound from the product's standard test
 * settings with what these tests state differently: short timeouts, few attempts,
 * backoffs of 100 ms to 1 s (their delays are asserted), and a sleeper that only records.
 */
public final class TestSettings {

	private static final ProductSettings STANDARD = ProductSettings.standard(TestSettings.class);

	private TestSettings() {
	}

	public static ScbProperties.Http http(int maxAttempts) {
		return http(maxAttempts, Duration.ofSeconds(5), 1_048_576);
	}

	public static ScbProperties.Http http(int maxAttempts, Duration responseTimeout, int maxAnswerBytes) {
		return http(maxAttempts, Duration.ofSeconds(2), responseTimeout, maxAnswerBytes);
	}

	public static ScbProperties.Http http(int maxAttempts, Duration connectTimeout, Duration responseTimeout,
			int maxAnswerBytes) {
		return settings(maxAttempts, connectTimeout, responseTimeout, maxAnswerBytes).scbProperties().http();
	}

	/**
	 * With a completion timeout of its own for the calls SCB answers after checking the
	 * file.
	 */
	public static ScbProperties.Http http(int maxAttempts, Duration responseTimeout, Duration completionTimeout) {
		return settings(maxAttempts, Duration.ofSeconds(2), responseTimeout, 1_048_576)
			.httpCompletionTimeout(completionTimeout.toMillis() + "ms")
			.scbProperties()
			.http();
	}

	private static ProductSettings settings(int maxAttempts, Duration connectTimeout, Duration responseTimeout,
			int maxAnswerBytes) {
		return STANDARD.httpMaxAttempts(maxAttempts)
			.httpInitialBackoff("100ms")
			.httpMaxBackoff("1s")
			.httpResponseTimeout(responseTimeout.toMillis() + "ms")
			.with("scb.http.connect-timeout", connectTimeout.toMillis() + "ms")
			.with("scb.http.max-retry-after", "30s")
			.with("scb.http.max-answer-bytes", maxAnswerBytes);
	}

	public static ScbProperties.Tls noTls() {
		return tls(null, null, null, null);
	}

	public static ScbProperties.Tls tls(@Nullable Path keyStore, @Nullable String keyStorePassword,
			@Nullable Path trustStore, @Nullable String trustStorePassword) {
		ProductSettings settings = STANDARD;
		settings = (keyStore != null) ? settings.keyStore(keyStore) : settings;
		settings = (keyStorePassword != null) ? settings.keyStorePassword(keyStorePassword) : settings;
		settings = (trustStore != null) ? settings.trustStore(trustStore) : settings;
		settings = (trustStorePassword != null) ? settings.trustStorePassword(trustStorePassword) : settings;
		return settings.scbProperties().tls();
	}

	/** Records every requested delay and returns at once. */
	public static final class RecordingSleeper implements Sleeper {

		private final List<Duration> delays = new CopyOnWriteArrayList<>();

		@Override
		public void sleep(Duration delay) {
			this.delays.add(delay);
		}

		public List<Duration> delays() {
			return this.delays;
		}

	}

}
