package se.scbdelivery.simulator.server;

import java.time.Duration;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.function.Predicate;

import org.jspecify.annotations.Nullable;

import se.scbdelivery.simulator.ScbStandIn;
import se.scbdelivery.simulator.StandInOptions;

/**
 * Faults the stand-in injects, each for a kind of {@link Call} (and, for fragments,
 * optionally one index) and a number of times, after which it is used up. Thread-safe:
 * tests program faults while clients call.
 * <p>
 * For one request the stand-in takes at most one gate, then at most one delay, then at
 * most one answer fault (respond or drop), each the earliest programmed one that matches.
 * A respond fault answers instead of the stand-in: the request has no effect. A drop
 * fault lets the request take effect, then closes the connection without answering.
 * <p>
 * The text form, for {@code simulate --faults}, is read by {@link #apply(String)}: <pre>
 * spec     = item *( "," item )
 * item     = call "=" action [times]  |  "status=" text [times]  |  "processing=" duration [times]
 * call     = "heartbeat" | "fragment" [ ":" index ] | "completion" | "history"
 *          | "generic-heartbeat" | "submit" | "status-call" | "result"
 * action   = http-status | "drop" | "delay:" duration
 * duration = digits ( "ms" | "s" | "m" )
 * times    = "x" digits               ; left out: always
 * </pre> {@code fragment} without an index means every data fragment (0, 1, ...);
 * {@code completion} is fragment -1. A 429 or 503 from the text form carries
 * {@code Retry-After: 1}. {@code status=TEXT} gives the next completed deliveries that
 * final Status. {@code processing=DURATION} makes SCB take that long to process the next
 * GDB deliveries and the next generic tickets (each API counts its own), instead of
 * {@link StandInOptions#processing()}: see {@link #processing(int, Duration)}. The last
 * four calls are the generic delivery service's: {@code generic-heartbeat},
 * {@code submit} ({@code POST api/v1/delivery}), {@code status-call} (its status
 * endpoint, named so because {@code status=} already sets a GDB final Status) and
 * {@code result} ({@code GET api/v1/delivery/{ticket}}). Examples:
 * {@code fragment:3=503x2}, {@code fragment:2=dropx1}, {@code heartbeat=429x1},
 * {@code history=delay:5sx1}, {@code completion=500}, {@code status=Systemfelx1},
 * {@code submit=dropx1}, {@code status-call=delay:2sx1}, {@code processing=60s},
 * {@code processing=5mx1}.
 */
public final class Faults {

	/** Times for a fault that is never used up. */
	public static final int ALWAYS = Integer.MAX_VALUE;

	/** The text form {@link #apply} reads, as {@code simulate --help} shows it. */
	public static final String GRAMMAR = FaultSpec.GRAMMAR;

	/** The kinds of call a fault applies to. */
	public enum Call {

		/** {@code GET heartbeat}. */
		HEARTBEAT,

		/** {@code POST file/{k}/...} with k ≥ 0. */
		FRAGMENT,

		/** {@code POST file/-1/...}. */
		COMPLETION,

		/** {@code GET history/{deliveryId}}. */
		HISTORY,

		/** The generic service's {@code GET api/v1/heartbeat}. */
		GENERIC_HEARTBEAT,

		/**
		 * The generic service's {@code POST api/v1/delivery}. A drop fault lets the
		 * ticket be made and recorded, then closes the connection: a POST whose answer
		 * was lost.
		 */
		SUBMIT,

		/** The generic service's {@code GET api/v1/status/{ticket}}. */
		STATUS,

		/** The generic service's {@code GET api/v1/delivery/{ticket}}. */
		RESULT

	}

	/**
	 * What the faults do to one request; fields are {@code null} (or false) where none
	 * applies.
	 */
	record Plan(@Nullable Gate gate, @Nullable Duration delay, @Nullable Answer response, boolean drop) {

	}

	private sealed interface Action permits Respond, Drop, Delay, Hold {

	}

	private record Respond(Answer answer) implements Action {

	}

	private record Drop() implements Action {

	}

	private record Delay(Duration delay) implements Action {

	}

	private record Hold(Gate gate) implements Action {

	}

	private static final class Fault {

		private final Call call;

		private final @Nullable Integer index;

		private final Action action;

		private int remaining;

		Fault(Call call, @Nullable Integer index, Action action, int times) {
			this.call = call;
			this.index = index;
			this.action = action;
			this.remaining = times;
		}

		boolean matches(Call call, int index) {
			return this.call == call && (this.index == null || this.index == index);
		}

	}

	private static final class Countdown {

		private final String text;

		private int remaining;

		Countdown(String text, int times) {
			this.text = text;
			this.remaining = times;
		}

	}

	private static final class ProcessingCountdown {

		private final Duration processing;

		private int remaining;

		ProcessingCountdown(Duration processing, int times) {
			this.processing = processing;
			this.remaining = times;
		}

	}

	private final Runnable forgetPartialUploads;

	private final List<Fault> faults = new ArrayList<>();

	private final List<Countdown> finalStatuses = new ArrayList<>();

	private final Map<Channel, List<ProcessingCountdown>> processing = new EnumMap<>(Channel.class);

	/**
	 * @param forgetPartialUploads what {@link #forgetPartialUploads()} does: drops the
	 * GDB side's uploads in progress
	 */
	public Faults(Runnable forgetPartialUploads) {
		this.forgetPartialUploads = forgetPartialUploads;
	}

	/**
	 * Answers {@code times} matching calls with this status, body and headers instead of
	 * handling them.
	 * @param index the fragment index for {@link Call#FRAGMENT}, or {@code null} for any
	 */
	public void respond(Call call, @Nullable Integer index, int times, int status, String body,
			Map<String, String> headers) {
		if (status < 200 || status > 599) {
			throw new IllegalArgumentException("fault status " + status + " is not an HTTP status from 200 to 599");
		}
		add(call, index, times, new Respond(Answer.raw(status, body, headers)));
	}

	/**
	 * Like {@link #respond(Call, Integer, int, int, String, Map)}, with an SCB-shaped
	 * message body.
	 */
	public void respond(Call call, @Nullable Integer index, int times, int status) {
		respond(call, index, times, status, "{\"Message\":\"fault injected by the stand-in: HTTP " + status + "\"}",
				Map.of("Content-Type", "application/json; charset=utf-8"));
	}

	/**
	 * Handles {@code times} matching calls, then closes the connection without answering.
	 */
	public void drop(Call call, @Nullable Integer index, int times) {
		add(call, index, times, new Drop());
	}

	/**
	 * Answers {@code times} matching calls only after {@code delay}. The request takes
	 * effect only when the delay is over, so a client that gives up first leaves no trace
	 * but {@link ScbStandIn#fragments()} or {@link ScbStandIn#genericSubmissions()}
	 * (without a ticket).
	 */
	public void delay(Call call, @Nullable Integer index, int times, Duration delay) {
		if (delay.isNegative()) {
			throw new IllegalArgumentException("fault delay " + delay + " is negative");
		}
		add(call, index, times, new Delay(delay));
	}

	/** Holds the next matching call until the returned gate is released. */
	public Gate gate(Call call, @Nullable Integer index) {
		Gate gate = new Gate(call + ((index != null) ? " " + index : ""));
		add(call, index, 1, new Hold(gate));
		return gate;
	}

	/**
	 * Gives the next {@code times} completed deliveries this final Status, whatever the
	 * file asks.
	 */
	public synchronized void finalStatus(int times, String text) {
		checkTimes(times);
		if (text.isBlank()) {
			throw new IllegalArgumentException("a final status text must not be blank");
		}
		this.finalStatuses.add(new Countdown(text, times));
	}

	/**
	 * Makes SCB take {@code processing} to process the next {@code times} GDB deliveries
	 * and the next {@code times} generic tickets, each API counting its own, instead of
	 * {@link StandInOptions#processing()}: until that long after its completion was
	 * answered, a delivery's history answers {@code Bearbetar}; until that long after its
	 * POST, a ticket's status answers 202. The {@link StandInOptions#pollsBeforeFinal()}
	 * polls still come first.
	 */
	public synchronized void processing(int times, Duration processing) {
		checkTimes(times);
		if (processing.isNegative()) {
			throw new IllegalArgumentException("a processing time must not be negative, not " + processing);
		}
		for (Channel channel : Channel.values()) {
			this.processing.computeIfAbsent(channel, (key) -> new ArrayList<>())
				.add(new ProcessingCountdown(processing, times));
		}
	}

	/** Drops every partial upload now, as when SCB loses its sessions. */
	public void forgetPartialUploads() {
		this.forgetPartialUploads.run();
	}

	/**
	 * Adds the faults in a text spec (see the class documentation); all or none.
	 * @throws IllegalArgumentException naming the bad item and showing the grammar
	 */
	public void apply(String spec) {
		FaultSpec.parse(spec).forEach((item) -> item.accept(this));
	}

	/** Removes every programmed fault; gates still holding a request keep holding it. */
	public synchronized void clear() {
		this.faults.clear();
		this.finalStatuses.clear();
		this.processing.clear();
	}

	synchronized Plan plan(Call call, int index) {
		Hold hold = (Hold) take(call, index, Hold.class::isInstance);
		Delay delay = (Delay) take(call, index, Delay.class::isInstance);
		Action answer = take(call, index, (action) -> action instanceof Respond || action instanceof Drop);
		if (hold != null) {
			hold.gate().arrive();
		}
		return new Plan((hold != null) ? hold.gate() : null, (delay != null) ? delay.delay() : null,
				(answer instanceof Respond respond) ? respond.answer() : null, answer instanceof Drop);
	}

	/**
	 * The final Status a fault imposes on the delivery being completed now, or
	 * {@code null}; for the GDB side, which calls it once per completed upload.
	 */
	public synchronized @Nullable String takeFinalStatus() {
		if (this.finalStatuses.isEmpty()) {
			return null;
		}
		Countdown next = this.finalStatuses.get(0);
		if (next.remaining != ALWAYS && --next.remaining == 0) {
			this.finalStatuses.remove(0);
		}
		return next.text;
	}

	/**
	 * The processing time a fault imposes on the GDB delivery or generic ticket being
	 * made now, or {@code null}; for the APIs, which call it once per delivery or ticket.
	 */
	public synchronized @Nullable Duration takeProcessing(Channel channel) {
		List<ProcessingCountdown> next = this.processing.get(channel);
		if (next == null || next.isEmpty()) {
			return null;
		}
		ProcessingCountdown first = next.get(0);
		if (first.remaining != ALWAYS && --first.remaining == 0) {
			next.remove(0);
		}
		return first.processing;
	}

	private synchronized void add(Call call, @Nullable Integer index, int times, Action action) {
		checkTimes(times);
		if (index != null && call != Call.FRAGMENT) {
			throw new IllegalArgumentException("only FRAGMENT faults take an index; " + call + " was given " + index);
		}
		if (index != null && index < 0) {
			throw new IllegalArgumentException(
					"fragment index " + index + " must be 0 or more; use Call.COMPLETION for fragment -1");
		}
		this.faults.add(new Fault(call, index, action, times));
	}

	private @Nullable Action take(Call call, int index, Predicate<Action> kind) {
		for (Iterator<Fault> iterator = this.faults.iterator(); iterator.hasNext();) {
			Fault fault = iterator.next();
			if (fault.matches(call, index) && kind.test(fault.action)) {
				if (fault.remaining != ALWAYS && --fault.remaining == 0) {
					iterator.remove();
				}
				return fault.action;
			}
		}
		return null;
	}

	private static void checkTimes(int times) {
		if (times < 1) {
			throw new IllegalArgumentException("a fault applies 1 or more times (or ALWAYS), not " + times);
		}
	}

}
