package se.scbdelivery.simulator.server;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.function.Consumer;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.jspecify.annotations.Nullable;

import se.scbdelivery.simulator.server.Faults.Call;

/**
 * Reads the text form of faults (grammar in {@link Faults}) into calls on a
 * {@link Faults}.
 */
final class FaultSpec {

	static final String GRAMMAR = "item[,item...] where item is CALL=ACTION[xTIMES], status=TEXT[xTIMES] "
			+ "or processing=DURATION[xTIMES]; "
			+ "CALL is heartbeat, fragment, fragment:INDEX, completion or history (GDB), "
			+ "or generic-heartbeat, submit, status-call or result (generic service); "
			+ "ACTION is an HTTP status (200-599), drop, or delay:DURATION (e.g. 500ms, 5s, 1m); "
			+ "processing=DURATION makes SCB take that long to process the next deliveries and tickets; "
			+ "TIMES left out means always; e.g. fragment:3=503x2,heartbeat=429x1,history=delay:5sx1,"
			+ "status=Systemfelx1,submit=dropx1,processing=60s";

	private static final Pattern ITEM = Pattern.compile("([a-z]+(?:-[a-z]+)*)(?::(\\d+))?=(.+?)(?:x(\\d+))?");

	private static final Pattern ACTION = Pattern.compile("(\\d{3})|drop|delay:(\\d+)(ms|s|m)");

	private static final Pattern DURATION = Pattern.compile("(\\d+)(ms|s|m)");

	private FaultSpec() {
	}

	/**
	 * Parses every item before anything is applied, so a bad spec changes nothing.
	 * @throws IllegalArgumentException naming the bad item and showing the grammar
	 */
	static List<Consumer<Faults>> parse(String spec) {
		List<Consumer<Faults>> items = new ArrayList<>();
		if (spec.isBlank()) {
			return items;
		}
		for (String item : spec.split(",", -1)) {
			try {
				items.add(item(item.trim()));
			}
			catch (IllegalArgumentException ex) {
				throw new IllegalArgumentException(
						"fault '" + item.trim() + "' is not valid: " + ex.getMessage() + ". Grammar: " + GRAMMAR, ex);
			}
		}
		return items;
	}

	private static Consumer<Faults> item(String item) {
		Matcher matcher = ITEM.matcher(item);
		if (!matcher.matches()) {
			throw new IllegalArgumentException("expected CALL=ACTION, status=TEXT or processing=DURATION");
		}
		int times = (matcher.group(4) != null) ? times(matcher.group(4)) : Faults.ALWAYS;
		String target = matcher.group(1);
		String action = matcher.group(3);
		if (target.equals("status")) {
			if (matcher.group(2) != null) {
				throw new IllegalArgumentException("status takes no index");
			}
			return (faults) -> faults.finalStatus(times, action);
		}
		if (target.equals("processing")) {
			if (matcher.group(2) != null) {
				throw new IllegalArgumentException("processing takes no index");
			}
			Matcher duration = DURATION.matcher(action);
			if (!duration.matches()) {
				throw new IllegalArgumentException(
						"processing time '" + action + "' is not a DURATION such as 500ms, 60s or 5m");
			}
			Duration processing = duration(Long.parseLong(duration.group(1)), duration.group(2));
			return (faults) -> faults.processing(times, processing);
		}
		Call call = call(target);
		Integer index = (matcher.group(2) != null) ? index(call, matcher.group(2)) : null;
		Matcher what = ACTION.matcher(action);
		if (!what.matches()) {
			throw new IllegalArgumentException("action '" + action + "' is not an HTTP status, drop or delay:DURATION");
		}
		if (what.group(1) != null) {
			int status = Integer.parseInt(what.group(1));
			if (status < 200 || status > 599) {
				throw new IllegalArgumentException("HTTP status " + status + " is not from 200 to 599");
			}
			return (faults) -> respond(faults, call, index, times, status);
		}
		if (what.group(2) != null) {
			Duration delay = duration(Long.parseLong(what.group(2)), what.group(3));
			return (faults) -> faults.delay(call, index, times, delay);
		}
		return (faults) -> faults.drop(call, index, times);
	}

	private static void respond(Faults faults, Call call, @Nullable Integer index, int times, int status) {
		if (status == 429 || status == 503) {
			faults.respond(call, index, times, status,
					"{\"Message\":\"fault injected by the stand-in: HTTP " + status + ", retry after 1 second\"}",
					Map.of("Content-Type", "application/json; charset=utf-8", "Retry-After", "1"));
		}
		else {
			faults.respond(call, index, times, status);
		}
	}

	private static Call call(String name) {
		return switch (name) {
			case "heartbeat" -> Call.HEARTBEAT;
			case "fragment" -> Call.FRAGMENT;
			case "completion" -> Call.COMPLETION;
			case "history" -> Call.HISTORY;
			case "generic-heartbeat" -> Call.GENERIC_HEARTBEAT;
			case "submit" -> Call.SUBMIT;
			case "status-call" -> Call.STATUS;
			case "result" -> Call.RESULT;
			default -> throw new IllegalArgumentException("unknown call '" + name + "'");
		};
	}

	private static Integer index(Call call, String text) {
		if (call != Call.FRAGMENT) {
			throw new IllegalArgumentException("only fragment takes an index");
		}
		return Integer.valueOf(text);
	}

	private static int times(String text) {
		int times = Integer.parseInt(text);
		if (times < 1) {
			throw new IllegalArgumentException("x" + text + ": times must be 1 or more");
		}
		return times;
	}

	private static Duration duration(long amount, String unit) {
		return switch (unit) {
			case "ms" -> Duration.ofMillis(amount);
			case "s" -> Duration.ofSeconds(amount);
			default -> Duration.ofMinutes(amount);
		};
	}

}
