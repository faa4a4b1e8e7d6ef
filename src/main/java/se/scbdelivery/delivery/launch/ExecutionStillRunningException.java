package se.scbdelivery.delivery.launch;

import java.nio.file.Path;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import java.util.Locale;
import java.time.temporal.ChronoUnit;
import java.util.Objects;

import org.jspecify.annotations.Nullable;

/** The execution is running in a live process: it is never taken over. */
public class ExecutionStillRunningException extends RuntimeException {

	private static final DateTimeFormatter TIME = DateTimeFormatter.ofPattern("HH:mm:ss z", Locale.ROOT);

	private static final DateTimeFormatter DATE_TIME = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm:ss z",
			Locale.ROOT);

	public ExecutionStillRunningException(String message) {
		super(message);
	}

	/**
	 * Another process holds the delivery's lease: who, and when the lease lapses should
	 * that process be gone, in local time (the whole second after, so that running again
	 * then is never too early; with the date when not today).
	 * @param holder as the lease table says, or null when the row went in between
	 */
	static ExecutionStillRunningException leaseHeld(Path file, DeliveryLocks.@Nullable Holder holder, Instant now,
			ZoneId zone) {
		if (holder == null) {
			return new ExecutionStillRunningException(
					"the delivery of " + file + " was running in another process a moment ago: run again now");
		}
		if (holder.left().isNegative() || holder.left().isZero()) {
			return new ExecutionStillRunningException("the delivery of " + file + " is running in " + holder.owner()
					+ ", whose lease has just lapsed: run again now");
		}
		Instant lapses = now.plus(holder.left());
		Instant second = lapses.truncatedTo(ChronoUnit.SECONDS);
		ZonedDateTime at = (second.equals(lapses) ? second : second.plusSeconds(1)).atZone(zone);
		String when = at.toLocalDate().equals(now.atZone(zone).toLocalDate()) ? TIME.format(at) : DATE_TIME.format(at);
		return new ExecutionStillRunningException("the delivery of " + file + " is running in " + holder.owner()
				+ "; if that process is gone its lease lapses at " + when + ": run again after " + when);
	}

	/** Never null: every one is made with its one-line reason. */
	@Override
	public String getMessage() {
		return Objects.requireNonNullElse(super.getMessage(), getClass().getSimpleName());
	}

}
