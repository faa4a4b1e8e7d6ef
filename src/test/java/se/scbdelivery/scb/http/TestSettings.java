package se.scbdelivery.scb.http;

import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;

import org.jspecify.annotations.Nullable;

import se.scbdelivery.config.ScbProperties;

/** Settings for tests: short timeouts, few attempts, and a sleeper that only records. */
public final class TestSettings {

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
		return new ScbProperties.Http(connectTimeout, responseTimeout, maxAttempts, Duration.ofMillis(100),
				Duration.ofSeconds(1), Duration.ofSeconds(30), maxAnswerBytes);
	}

	public static ScbProperties.Tls noTls() {
		return tls(null, null, null, null);
	}

	public static ScbProperties.Tls tls(@Nullable Path keyStore, @Nullable String keyStorePassword,
			@Nullable Path trustStore, @Nullable String trustStorePassword) {
		return new ScbProperties.Tls(keyStore, keyStorePassword, null, "PKCS12", trustStore, trustStorePassword, null,
				"PKCS12", Duration.ofDays(30));
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
