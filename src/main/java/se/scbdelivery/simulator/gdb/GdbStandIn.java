package se.scbdelivery.simulator.gdb;

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
 * The GDB API's side of the {@link ScbStandIn}: its heartbeat sessions, uploads in
 * progress, completed deliveries and what arrived, and the {@link #router router} that
 * serves them. Thread-safe.
 */
public final class GdbStandIn {

	private final int maxFragmentSize;

	private final Clock clock;

	private final GdbSessions sessions = new GdbSessions();

	private final GdbPartialUploads uploads;

	private final GdbDeliveries deliveries;

	private final GdbObservations observations;

	/**
	 * @param pollsBeforeFinal how many history calls for a delivery answer
	 * {@code Bearbetar} before its final status
	 * @param maxFragmentSize the largest {@code File} part accepted
	 * @param partialUploadsSurviveNewSession whether a partial upload can be continued in
	 * a new heartbeat session
	 * @param processing how long SCB processes a delivery after its completion
	 * @param log where to record when uploads are in flight, and their events
	 */
	public GdbStandIn(int pollsBeforeFinal, int maxFragmentSize, boolean partialUploadsSurviveNewSession,
			Duration processing, Clock clock, UploadLog log) {
		this.maxFragmentSize = maxFragmentSize;
		this.clock = clock;
		this.uploads = new GdbPartialUploads(partialUploadsSurviveNewSession);
		this.deliveries = new GdbDeliveries(pollsBeforeFinal, processing, clock, log);
		this.observations = new GdbObservations(log);
	}

	/**
	 * Serves the requests below
	 * {@value se.scbdelivery.simulator.server.RequestPath#GDB_BASE}.
	 */
	public BiFunction<HttpServerRequest, HttpServerResponse, Publisher<Void>> router(Responder responder,
			Faults faults) {
		GdbApi api = new GdbApi(this.maxFragmentSize, this.sessions, this.uploads, this.deliveries, faults,
				this.observations, this.clock);
		return new GdbRouter(api, this.sessions, responder, this.observations, this.maxFragmentSize);
	}

	/** Drops every upload in progress. */
	public void forgetPartialUploads() {
		this.uploads.clear();
	}

	/** @see ScbStandIn#fragments() */
	public List<ReceivedFragment> fragments() {
		return this.observations.fragments();
	}

	public int heartbeatCount() {
		return this.observations.heartbeats();
	}

	/** @see ScbStandIn#deliveries() */
	public List<StoredDelivery> deliveries() {
		return this.deliveries.all();
	}

	/** @see ScbStandIn#historyCalls(String) */
	public int historyCalls(String deliveryId) {
		return this.observations.historyCalls(deliveryId);
	}

	/** @see ScbStandIn#awaitFragment(int, Duration) */
	public ReceivedFragment awaitFragment(int index, Duration timeout) {
		return this.observations.awaitFragment(index, timeout);
	}

	/**
	 * Forgets what arrived, the uploads in progress and the deliveries, deleting their
	 * temporary files. Heartbeat sessions stay valid.
	 */
	public void reset() {
		this.observations.clear();
		this.uploads.clear();
		this.deliveries.clear();
	}

	/**
	 * Deletes the temporary files of uploads in progress and large deliveries, keeping
	 * what was recorded.
	 */
	public void deleteFiles() {
		this.uploads.clear();
		this.deliveries.deleteFiles();
	}

}
