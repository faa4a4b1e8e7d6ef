package se.scbdelivery.scb.http;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.Random;
import java.util.concurrent.atomic.AtomicInteger;

import org.junit.jupiter.api.Test;

import se.scbdelivery.config.ScbProperties;
import se.scbdelivery.testsupport.ProductSettings;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatExceptionOfType;

/** The waits between attempts, and what ends the retrying. */
class TransientFaultRetryTest {

	private static final Instant NOW = Instant.parse("2024-06-30T10:00:00Z");

	// the backoffs, the Retry-After cap and the attempts are what these tests assert
	private final ScbProperties.Http settings = ProductSettings.standard(TransientFaultRetryTest.class)
		.httpMaxAttempts(5)
		.httpInitialBackoff("1s")
		.httpMaxBackoff("10s")
		.with("scb.http.max-retry-after", "60s")
		.scbProperties()
		.http();

	private final TestSettings.RecordingSleeper sleeper = new TestSettings.RecordingSleeper();

	private final TransientFaultRetry retry = new TransientFaultRetry(this.settings, this.sleeper,
			Clock.fixed(NOW, ZoneOffset.UTC), new Random(7));

	@Test
	void backoffDoublesWithEqualJitterUpToTheCap() {
		for (int attempt = 1; attempt <= 8; attempt++) {
			long full = Math.min(10_000, 1000L << (attempt - 1));
			assertThat(this.retry.delay(attempt, null)).isBetween(Duration.ofMillis(full / 2), Duration.ofMillis(full));
		}
	}

	@Test
	void retryAfterAsHttpDateIsTheTimeUntilThen() {
		assertThat(this.retry.delay(1, "Sun, 30 Jun 2024 10:00:42 GMT")).isEqualTo(Duration.ofSeconds(42));
	}

	@Test
	void retryAfterIsCappedAtMaxRetryAfter() {
		assertThat(this.retry.delay(1, "3600")).isEqualTo(Duration.ofSeconds(60));
	}

	@Test
	void unreadableRetryAfterFallsBackToTheBackoff() {
		assertThat(this.retry.delay(1, "soon")).isBetween(Duration.ofMillis(500), Duration.ofMillis(1000));
	}

	@Test
	void anythingButATransientFaultEndsTheCallAtOnce() {
		AtomicInteger attempts = new AtomicInteger();

		assertThatExceptionOfType(ScbRefusedException.class).isThrownBy(() -> this.retry.run("GET heartbeat", () -> {
			attempts.incrementAndGet();
			throw new ScbRefusedException("GET heartbeat", 403, "");
		}));
		assertThat(attempts).hasValue(1);
		assertThat(this.sleeper.delays()).isEmpty();
	}

	@Test
	void lastTransientFaultBecomesUnavailableNamingCallAttemptsAndFault() {
		AtomicInteger attempts = new AtomicInteger();

		assertThatExceptionOfType(ScbUnavailableException.class)
			.isThrownBy(() -> this.retry.run("GET heartbeat", () -> {
				attempts.incrementAndGet();
				throw new TransientFault(CallResult.SERVER_ERROR, "HTTP 502", null, false, null);
			}))
			.withMessage("GET heartbeat failed 5 times; last: HTTP 502");
		assertThat(attempts).hasValue(5);
		assertThat(this.sleeper.delays()).hasSize(4);
	}

}
