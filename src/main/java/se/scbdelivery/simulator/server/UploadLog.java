package se.scbdelivery.simulator.server;

import java.time.Clock;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import org.jspecify.annotations.Nullable;

/**
 * When the stand-in's uploads were in flight, for tests that check how many a client runs
 * at once, and an ordered log of their {@link UploadEvent events}. Each API decides what
 * an upload is and when it starts and ends; here an upload is any object, and "at once"
 * means overlapping in the order the stand-in saw things happen: each start and end takes
 * the next {@link #mark() mark}, and a start may be dated back to an earlier mark (a GDB
 * file's heartbeat). Thread-safe.
 */
public final class UploadLog {

	private record Interval(Channel channel, long start, long end) {

	}

	private record Open(Channel channel, long start) {

	}

	private final Clock clock;

	private long marks;

	private final Map<Object, Open> open = new HashMap<>();

	private final List<Interval> ended = new ArrayList<>();

	private final List<UploadEvent> events = new ArrayList<>();

	public UploadLog(Clock clock) {
		this.clock = clock;
	}

	/** The next position in the order of what happened. */
	public synchronized long mark() {
		return ++this.marks;
	}

	/**
	 * The upload is in flight from the {@code since} mark on, unless it already is.
	 * @param since a {@link #mark()} taken when the upload began, or {@code null} for now
	 */
	public synchronized void start(Object upload, Channel channel, @Nullable Long since) {
		if (!this.open.containsKey(upload)) {
			this.open.put(upload, new Open(channel, (since != null) ? since : mark()));
		}
	}

	/** The upload is no longer in flight; nothing happens when it was not. */
	public synchronized void end(Object upload) {
		Open started = this.open.remove(upload);
		if (started != null) {
			this.ended.add(new Interval(started.channel(), started.start(), mark()));
		}
	}

	/** Records that {@code kind} happened now. */
	public synchronized void event(Channel channel, String id, UploadEvent.Kind kind) {
		this.events.add(new UploadEvent(this.clock.instant(), channel, id, kind));
	}

	/** How many uploads are in flight now. */
	public synchronized int inFlight() {
		return this.open.size();
	}

	/** The most uploads that were ever in flight at once, on either channel or on one. */
	public synchronized int peakInFlight(@Nullable Channel channel) {
		List<long[]> changes = new ArrayList<>();
		for (Interval interval : this.ended) {
			if (channel == null || interval.channel() == channel) {
				changes.add(new long[] { interval.start(), 1 });
				changes.add(new long[] { interval.end(), -1 });
			}
		}
		for (Open started : this.open.values()) {
			if (channel == null || started.channel() == channel) {
				changes.add(new long[] { started.start(), 1 });
			}
		}
		changes.sort(Comparator.comparingLong((change) -> change[0]));
		int now = 0;
		int peak = 0;
		for (long[] change : changes) {
			now += (int) change[1];
			peak = Math.max(peak, now);
		}
		return peak;
	}

	/** The events so far, in the order they happened. */
	public synchronized List<UploadEvent> events() {
		return List.copyOf(this.events);
	}

	/** Forgets every upload and event. */
	public synchronized void clear() {
		this.open.clear();
		this.ended.clear();
		this.events.clear();
	}

}
