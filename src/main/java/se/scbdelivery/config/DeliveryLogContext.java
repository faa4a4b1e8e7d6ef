package se.scbdelivery.config;

import java.util.LinkedHashMap;
import java.util.Map;

import org.jspecify.annotations.Nullable;
import org.slf4j.MDC;

/**
 * Names the delivery a thread is working on in every log event it writes, through the MDC
 * keys {@value #EXECUTION}, {@value #ORGANISATION} and {@value #FILE}: fields of each
 * JSON console line ({@code scb.log.format=json}), so a log platform can filter by
 * delivery when several pods log at once. Use with try-with-resources on the thread that
 * runs the delivery:
 *
 * <pre class="code">
 * try (DeliveryLogContext context = DeliveryLogContext.open(execution.getId(), org, fileName)) {
 *     ...
 * }
 * </pre>
 *
 * The MDC is per thread: work handed to another thread does not carry these keys, and a
 * context must be closed on the thread that opened it. Contexts nest: closing an inner
 * one restores the outer one's values.
 */
public final class DeliveryLogContext implements AutoCloseable {

	public static final String EXECUTION = "execution";

	public static final String ORGANISATION = "organisation";

	public static final String FILE = "file";

	/** The values these keys had before, restored on close so nested contexts unwind. */
	private final Map<String, @Nullable String> outer = new LinkedHashMap<>();

	private DeliveryLogContext(Map<String, @Nullable String> values) {
		values.forEach((key, value) -> {
			this.outer.put(key, MDC.get(key));
			put(key, value);
		});
	}

	/**
	 * Sets the three keys until {@link #close()}. A {@code null} organisation (a generic
	 * delivery may have none) or file leaves that key unset.
	 */
	public static DeliveryLogContext open(long execution, @Nullable String organisation, @Nullable String file) {
		Map<String, @Nullable String> values = new LinkedHashMap<>();
		values.put(EXECUTION, Long.toString(execution));
		values.put(ORGANISATION, organisation);
		values.put(FILE, file);
		return new DeliveryLogContext(values);
	}

	/** Puts back what the keys held when this context was opened. */
	@Override
	public void close() {
		this.outer.forEach(DeliveryLogContext::put);
	}

	private static void put(String key, @Nullable String value) {
		if (value != null) {
			MDC.put(key, value);
		}
		else {
			MDC.remove(key);
		}
	}

}
