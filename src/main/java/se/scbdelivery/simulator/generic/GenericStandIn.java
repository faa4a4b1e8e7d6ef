package se.scbdelivery.simulator.generic;

import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.function.BiFunction;

import org.reactivestreams.Publisher;
import reactor.netty.http.server.HttpServerRequest;
import reactor.netty.http.server.HttpServerResponse;

import se.scbdelivery.simulator.ScbStandIn;
import se.scbdelivery.simulator.server.Faults;
import se.scbdelivery.simulator.server.Responder;
import se.scbdelivery.simulator.server.UploadLog;

/**
 * The generic delivery service's side of the {@link ScbStandIn}: its tickets and what
 * arrived, and the {@link #router router} that serves them. Thread-safe.
 */
public final class GenericStandIn {

	private final Clock clock;

	private final Tickets tickets;

	private final GenericObservations observations;

	/**
	 * @param pollsBeforeFinal how many status calls for a ticket answer 202 before 302
	 * @param processing how long SCB processes a submission after its POST
	 * @param log where to record when POSTs are in flight, and the tickets' events
	 */
	public GenericStandIn(int pollsBeforeFinal, Duration processing, Clock clock, UploadLog log) {
		this.clock = clock;
		this.tickets = new Tickets(pollsBeforeFinal, processing, clock, log);
		this.observations = new GenericObservations(log);
	}

	/**
	 * Serves the requests below
	 * {@value se.scbdelivery.simulator.server.RequestPath#GENERIC_BASE}.
	 */
	public BiFunction<HttpServerRequest, HttpServerResponse, Publisher<Void>> router(Responder responder,
			Faults faults) {
		return new GenericRouter(new GenericApi(this.tickets, faults, this.clock), responder, this.observations);
	}

	/** @see ScbStandIn#genericSubmissions() */
	public List<GenericSubmissionReceived> submissions() {
		return this.observations.submissions();
	}

	public int heartbeatCount() {
		return this.observations.heartbeats();
	}

	/** @see ScbStandIn#statusCalls(String) */
	public int statusCalls(String ticket) {
		return this.observations.statusCalls(ticket);
	}

	/** @see ScbStandIn#resultCalls(String) */
	public int resultCalls(String ticket) {
		return this.observations.resultCalls(ticket);
	}

	/**
	 * Forgets what arrived, deleting the temporary files of large decoded submissions,
	 * and the tickets.
	 */
	public void reset() {
		this.observations.clear();
		this.tickets.clear();
	}

	/**
	 * Deletes the temporary files of large decoded submissions, keeping what was
	 * recorded.
	 */
	public void deleteFiles() {
		this.observations.deleteFiles();
	}

}
