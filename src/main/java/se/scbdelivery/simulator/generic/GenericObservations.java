package se.scbdelivery.simulator.generic;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

import se.scbdelivery.scb.generic.Ticket;
import se.scbdelivery.simulator.server.Channel;
import se.scbdelivery.simulator.server.TemporaryFiles;
import se.scbdelivery.simulator.server.UploadLog;

/**
 * What the generic service's side of the stand-in received, in arrival order, for tests
 * to check, and when each POST was in flight: from its arrival until its answer was made
 * (just before it is sent), or until it failed or its connection closed. Owns the
 * temporary files of large decoded submissions. Thread-safe.
 */
final class GenericObservations {

	private final UploadLog log;

	private final List<Arrival> submissions = new ArrayList<>();

	private final Map<String, Integer> statusCalls = new HashMap<>();

	private final Map<String, Integer> resultCalls = new HashMap<>();

	private int heartbeats;

	/**
	 * A submission, recorded once its body is read and completed by its ticket and
	 * answer.
	 */
	static final class Arrival {

		private final GenericObservations owner;

		private GenericSubmissionReceived submission;

		private Arrival(GenericObservations owner, GenericSubmissionReceived submission) {
			this.owner = owner;
			this.submission = submission;
		}

		void ticketed(Ticket ticket) {
			synchronized (this.owner) {
				this.submission = this.submission.withTicket(ticket);
			}
		}

		void answered(int status) {
			synchronized (this.owner) {
				this.submission = this.submission.answered(status);
			}
		}

	}

	GenericObservations(UploadLog log) {
		this.log = log;
	}

	/**
	 * A {@code POST api/v1/delivery} arrived: it is in flight until {@link #postEnded}.
	 */
	Object postStarted() {
		Object post = new Object();
		this.log.start(post, Channel.GENERIC, null);
		return post;
	}

	void postEnded(Object post) {
		this.log.end(post);
	}

	synchronized Arrival submissionArrived(GenericSubmissionReceived submission) {
		Arrival arrival = new Arrival(this, submission);
		this.submissions.add(arrival);
		return arrival;
	}

	synchronized List<GenericSubmissionReceived> submissions() {
		return this.submissions.stream().map((arrival) -> arrival.submission).toList();
	}

	synchronized void heartbeat() {
		this.heartbeats++;
	}

	synchronized int heartbeats() {
		return this.heartbeats;
	}

	/** Counts a status call for the ticket as it appeared in the path, valid or not. */
	synchronized void statusCall(String ticket) {
		this.statusCalls.merge(key(ticket), 1, Integer::sum);
	}

	synchronized int statusCalls(String ticket) {
		return this.statusCalls.getOrDefault(key(ticket), 0);
	}

	synchronized void resultCall(String ticket) {
		this.resultCalls.merge(key(ticket), 1, Integer::sum);
	}

	synchronized int resultCalls(String ticket) {
		return this.resultCalls.getOrDefault(key(ticket), 0);
	}

	/** Forgets everything and deletes the temporary files. */
	synchronized void clear() {
		deleteFiles();
		this.submissions.clear();
		this.statusCalls.clear();
		this.resultCalls.clear();
		this.heartbeats = 0;
	}

	/**
	 * Deletes the temporary files of large decoded submissions, keeping what was
	 * recorded.
	 */
	synchronized void deleteFiles() {
		for (Arrival arrival : this.submissions) {
			TemporaryFiles.delete(arrival.submission.decodedFile());
		}
	}

	private static String key(String ticket) {
		return ticket.toLowerCase(Locale.ROOT);
	}

}
