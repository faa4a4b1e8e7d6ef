package se.scbdelivery.scb.http;

import java.time.Clock;
import java.time.Duration;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.util.Objects;
import java.util.function.Supplier;
import java.util.random.RandomGenerator;

import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import se.scbdelivery.config.ScbProperties;

/**
 * The one place calls to SCB are retried. An attempt signals a transient fault by
 * throwing {@link TransientFault}; anything else ends the call at once. Waits grow
 * exponentially from {@code initialBackoff} up to {@code maxBackoff} with equal jitter
 * (half fixed, half random, so parallel deliveries spread out but never retry at once),
 * or follow the server's {@code Retry-After}, capped at {@code maxRetryAfter}.
 */
final class TransientFaultRetry {

	private static final Logger log = LoggerFactory.getLogger(TransientFaultRetry.class);

	private final ScbProperties.Http settings;

	private final Sleeper sleeper;

	private final Clock clock;

	private final RandomGenerator random;

	TransientFaultRetry(ScbProperties.Http settings, Sleeper sleeper, Clock clock, RandomGenerator random) {
		if (settings.maxAttempts() < 1) {
			throw new IllegalArgumentException(
					"scb.http.max-attempts must be at least 1, not " + settings.maxAttempts());
		}
		this.settings = settings;
		this.sleeper = sleeper;
		this.clock = clock;
		this.random = random;
	}

	/** {@link #run(String, RetryScope, Supplier)} retrying every transient fault. */
	<T> T run(String call, Supplier<T> attempt) {
		return run(call, RetryScope.ANY_TRANSIENT_FAULT, attempt);
	}

	/**
	 * Runs {@code attempt} until it returns, throws something other than a
	 * {@link TransientFault}, throws a fault {@code scope} does not allow to retry, or
	 * {@code maxAttempts} attempts have failed.
	 * @throws ScbUnavailableException naming the call, the attempts and the last fault
	 */
	<T> T run(String call, RetryScope scope, Supplier<T> attempt) {
		int max = this.settings.maxAttempts();
		for (int number = 1;; number++) {
			try {
				return attempt.get();
			}
			catch (TransientFault fault) {
				if (!fault.retryableIn(scope)) {
					throw new ScbUnavailableException(call, number,
							fault.getMessage() + " (not retried: the server may have processed the request)",
							fault.getCause());
				}
				if (number >= max) {
					throw new ScbUnavailableException(call, number,
							Objects.requireNonNullElse(fault.getMessage(), fault.toString()), fault.getCause());
				}
				Duration delay = delay(number, fault.retryAfter());
				log.warn("{} failed (attempt {} of {}): {}; retrying in {} ms", call, number, max, fault.getMessage(),
						delay.toMillis());
				sleep(call, number, fault, delay);
			}
		}
	}

	/** The wait after the given failed attempt (1 for the first). */
	Duration delay(int failedAttempt, @Nullable String retryAfter) {
		Duration asked = (retryAfter != null) ? parseRetryAfter(retryAfter) : null;
		if (asked != null) {
			return (asked.compareTo(this.settings.maxRetryAfter()) > 0) ? this.settings.maxRetryAfter() : asked;
		}
		long initial = this.settings.initialBackoff().toMillis();
		long cap = this.settings.maxBackoff().toMillis();
		// Shifting by 30 or more would overflow long for large initial values long before
		// the cap matters.
		long backoff = Math.min(cap, initial << Math.min(failedAttempt - 1, 30));
		long half = backoff / 2;
		return Duration.ofMillis(half + ((half > 0) ? this.random.nextLong(half + 1) : 0));
	}

	/**
	 * Seconds or an HTTP-date (RFC 9110 §10.2.3); {@code null} when neither, or in the
	 * past.
	 */
	@Nullable Duration parseRetryAfter(String value) {
		String text = value.trim();
		if (text.matches("\\d{1,9}")) {
			return Duration.ofSeconds(Long.parseLong(text));
		}
		try {
			Duration until = Duration.between(this.clock.instant(),
					ZonedDateTime.parse(text, DateTimeFormatter.RFC_1123_DATE_TIME).toInstant());
			return until.isNegative() ? Duration.ZERO : until;
		}
		catch (DateTimeParseException ex) {
			return null;
		}
	}

	private void sleep(String call, int attempts, TransientFault fault, Duration delay) {
		try {
			this.sleeper.sleep(delay);
		}
		catch (InterruptedException ex) {
			Thread.currentThread().interrupt();
			throw new ScbUnavailableException(call, attempts,
					fault.getMessage() + " (interrupted while waiting to retry)", ex);
		}
	}

}
