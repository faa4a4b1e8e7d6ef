package se.scbdelivery.simulator.gdb;

import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import se.scbdelivery.scb.gdb.UploadTarget;
import se.scbdelivery.simulator.server.Channel;
import se.scbdelivery.simulator.server.UploadLog;

/**
 * What the stand-in received, in arrival order, for tests to check, and when each file's
 * upload was in flight: from its session's heartbeat (or, when another file already took
 * that heartbeat, from its first fragment the stand-in took) until its completion took
 * it. Thread-safe.
 */
final class GdbObservations {

	private final UploadLog log;

	/**
	 * Session id → the {@link UploadLog#mark() mark} of its heartbeat, until a file's
	 * upload takes it.
	 */
	private final Map<String, Long> heartbeatsWithoutUpload = new HashMap<>();

	private final List<Arrival> fragments = new ArrayList<>();

	private final Map<String, Integer> historyCalls = new HashMap<>();

	private int heartbeats;

	/** A fragment request, recorded on arrival and completed by its answer. */
	static final class Arrival {

		private final GdbObservations owner;

		private ReceivedFragment fragment;

		private Arrival(GdbObservations owner, ReceivedFragment fragment) {
			this.owner = owner;
			this.fragment = fragment;
		}

		void answered(int status) {
			synchronized (this.owner) {
				this.fragment = this.fragment.answered(status);
			}
		}

	}

	GdbObservations(UploadLog log) {
		this.log = log;
	}

	synchronized Arrival fragmentArrived(ReceivedFragment fragment) {
		Arrival arrival = new Arrival(this, fragment);
		this.fragments.add(arrival);
		notifyAll();
		return arrival;
	}

	synchronized List<ReceivedFragment> fragments() {
		return this.fragments.stream().map((arrival) -> arrival.fragment).toList();
	}

	/**
	 * Waits for the first fragment with this index since the last {@link #clear()}.
	 * @throws IllegalStateException on timeout, listing the indexes that did arrive
	 */
	synchronized ReceivedFragment awaitFragment(int index, Duration timeout) {
		long deadline = System.nanoTime() + timeout.toNanos();
		while (true) {
			for (Arrival arrival : this.fragments) {
				if (arrival.fragment.index() == index) {
					return arrival.fragment;
				}
			}
			long left = deadline - System.nanoTime();
			if (left <= 0) {
				throw new IllegalStateException("no fragment " + index + " arrived within " + timeout
						+ "; arrived so far: " + fragments().stream().map(ReceivedFragment::index).toList());
			}
			try {
				Duration remaining = Duration.ofNanos(left);
				wait(Math.max(1, remaining.toMillis()));
			}
			catch (InterruptedException ex) {
				Thread.currentThread().interrupt();
				throw new IllegalStateException("interrupted while waiting for fragment " + index, ex);
			}
		}
	}

	synchronized void heartbeat() {
		this.heartbeats++;
	}

	synchronized int heartbeats() {
		return this.heartbeats;
	}

	/** A heartbeat opened this session: the upload of the file that follows began now. */
	synchronized void sessionOpened(String sessionId) {
		this.heartbeatsWithoutUpload.put(sessionId, this.log.mark());
	}

	/**
	 * The stand-in took a data fragment of this file: it is in flight, since its
	 * session's heartbeat if unclaimed.
	 */
	synchronized void uploading(UploadTarget file, String sessionId) {
		this.log.start(file, Channel.GDB, this.heartbeatsWithoutUpload.remove(sessionId));
	}

	/** The completion took this file's upload: it is no longer in flight. */
	void uploadCompleted(UploadTarget file) {
		this.log.end(file);
	}

	synchronized void historyCall(String deliveryId) {
		this.historyCalls.merge(deliveryId, 1, Integer::sum);
	}

	synchronized int historyCalls(String deliveryId) {
		return this.historyCalls.getOrDefault(deliveryId, 0);
	}

	synchronized void clear() {
		this.fragments.clear();
		this.historyCalls.clear();
		this.heartbeatsWithoutUpload.clear();
		this.heartbeats = 0;
	}

}
