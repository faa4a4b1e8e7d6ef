package se.scbdelivery.scan;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.EnumMap;
import java.util.HashMap;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.function.Consumer;
import java.util.stream.Collectors;

import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * How far a scan (or {@code restart --failed}) has come, printed as one plain line every
 * {@link #EVERY} and whenever its stage changes (uploading, waiting for SCB, finishing,
 * done): files queued, uploading, waiting at SCB, finishing (in a slot again to take the
 * verdict) and final by outcome, bytes uploaded, time elapsed and a rough estimate of
 * what is left. A month-end takes as long as SCB takes; these lines are what an operator
 * follows in {@code kubectl logs}.
 */
final class ScanProgress {

	static final Duration EVERY = Duration.ofSeconds(30);

	private static final Logger logger = LoggerFactory.getLogger(ScanProgress.class);

	private enum Phase {

		/** In a slot for its upload (its first, or one after Systemfel). */
		UPLOADING,

		WAITING,

		/** In a slot again after waiting, to take SCB's verdict and write the report. */
		FINISHING,

		FINAL

	}

	private final String what;

	private final Consumer<String> out;

	private final Clock clock;

	private final Map<String, Phase> phases = new HashMap<>();

	private final Map<Phase, Integer> counts = new EnumMap<>(Phase.class);

	private final Map<String, Integer> outcomes = new TreeMap<>();

	private final Map<String, Boolean> uploaded = new HashMap<>();

	private Instant started;

	private int total;

	private long bytes;

	private @Nullable String stage;

	private @Nullable ScheduledExecutorService ticker;

	ScanProgress(String what, Consumer<String> out, Clock clock) {
		this.what = what;
		this.out = out;
		this.clock = clock;
		this.started = clock.instant();
	}

	synchronized void started(int total) {
		this.total = total;
		this.started = this.clock.instant();
		if (total == 0) {
			return;
		}
		ScheduledExecutorService every = Executors.newSingleThreadScheduledExecutor((runnable) -> {
			Thread thread = new Thread(runnable, "scan-progress");
			thread.setDaemon(true);
			return thread;
		});
		every.scheduleAtFixedRate(this::print, EVERY.toMillis(), EVERY.toMillis(), TimeUnit.MILLISECONDS);
		this.ticker = every;
		changed();
	}

	/** A delivery took a slot: to upload, or to be reported after waiting. */
	synchronized void inSlot(String label) {
		move(label, (this.phases.get(label) == Phase.WAITING) ? Phase.FINISHING : Phase.UPLOADING);
		changed();
	}

	/** A delivery's upload is done and it waits for SCB's verdict. */
	synchronized void waiting(String label, long size) {
		move(label, Phase.WAITING);
		countUpload(label, size);
		changed();
	}

	/** A delivery has its row. */
	synchronized void done(String label, String outcome, long size) {
		move(label, Phase.FINAL);
		this.outcomes.merge(outcome, 1, Integer::sum);
		if (size > 0) {
			countUpload(label, size);
		}
		changed();
	}

	void finished() {
		ScheduledExecutorService every;
		synchronized (this) {
			every = this.ticker;
			this.ticker = null;
		}
		if (every != null) {
			every.shutdownNow();
		}
	}

	/** The line as it would be printed now. */
	synchronized String line() {
		int uploading = count(Phase.UPLOADING);
		int finishing = count(Phase.FINISHING);
		int waiting = count(Phase.WAITING);
		int fin = count(Phase.FINAL);
		int queued = this.total - this.phases.size();
		Duration elapsed = Duration.between(this.started, this.clock.instant());
		String outcomes = this.outcomes.isEmpty() ? ""
				: this.outcomes.entrySet()
					.stream()
					.map((e) -> e.getValue() + " " + e.getKey())
					.collect(Collectors.joining(", ", " (", ")"));
		return this.what + ": " + stage() + "; " + this.total + " files: " + queued + " queued, " + uploading
				+ " uploading, " + waiting + " waiting at SCB, " + finishing + " finishing, " + fin + " final"
				+ outcomes + "; " + size(this.bytes) + " uploaded; " + time(elapsed) + " elapsed"
				+ estimate(elapsed, fin);
	}

	private String estimate(Duration elapsed, int fin) {
		if (fin == this.total) {
			return "";
		}
		if (fin == 0 || elapsed.isZero()) {
			return ", no estimate yet";
		}
		long leftMillis = elapsed.toMillis() * (this.total - fin) / fin;
		return ", about " + time(Duration.ofMillis(leftMillis)) + " left";
	}

	private String stage() {
		if (this.total - this.phases.size() > 0 || count(Phase.UPLOADING) > 0) {
			return "uploading";
		}
		if (count(Phase.WAITING) > 0) {
			return "waiting for SCB";
		}
		return (count(Phase.FINISHING) > 0) ? "finishing" : "done";
	}

	private void changed() {
		String now = stage();
		if (!now.equals(this.stage)) {
			this.stage = now;
			print();
		}
	}

	private synchronized void print() {
		String line = line();
		logger.info(line);
		this.out.accept(line);
	}

	private void countUpload(String label, long size) {
		if (this.uploaded.putIfAbsent(label, Boolean.TRUE) == null) {
			this.bytes += size;
		}
	}

	private void move(String label, Phase phase) {
		Phase before = this.phases.put(label, phase);
		if (before != null) {
			this.counts.merge(before, -1, Integer::sum);
		}
		this.counts.merge(phase, 1, Integer::sum);
	}

	private int count(Phase phase) {
		return this.counts.getOrDefault(phase, 0);
	}

	static String time(Duration duration) {
		long seconds = duration.toSeconds();
		return String.format("%d:%02d:%02d", seconds / 3600, (seconds / 60) % 60, seconds % 60);
	}

	static String size(long bytes) {
		if (bytes < 1024) {
			return bytes + " B";
		}
		if (bytes < 1024 * 1024) {
			return String.format("%.1f KiB", bytes / 1024d);
		}
		return String.format("%.1f MiB", bytes / (1024d * 1024));
	}

}
