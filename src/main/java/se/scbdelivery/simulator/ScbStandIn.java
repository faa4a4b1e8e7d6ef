package se.scbdelivery.simulator;

import java.net.URI;
import java.net.URISyntaxException;
import java.time.Clock;
import java.time.Duration;
import java.util.List;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import reactor.netty.DisposableServer;
import reactor.netty.http.server.HttpServer;

import se.scbdelivery.simulator.gdb.GdbStandIn;
import se.scbdelivery.simulator.gdb.ReceivedFragment;
import se.scbdelivery.simulator.gdb.StoredDelivery;
import se.scbdelivery.simulator.generic.GenericStandIn;
import se.scbdelivery.simulator.generic.GenericSubmissionReceived;
import se.scbdelivery.simulator.server.Channel;
import se.scbdelivery.simulator.server.Faults;
import se.scbdelivery.simulator.server.RequestPath;
import se.scbdelivery.simulator.server.RequestRouter;
import se.scbdelivery.simulator.server.Responder;
import se.scbdelivery.simulator.server.ServerTls;
import se.scbdelivery.simulator.server.UploadEvent;
import se.scbdelivery.simulator.server.UploadLog;

/**
 * A local stand-in for SCB's GDB M2M v2 API and its generic delivery service: real
 * HTTP(S) on a local port, SCB's paths, cookies, JSON and statuses, with programmable
 * {@link #faults() faults} and a record of what it received. Start one with
 * {@link #start}, point a client at {@link #gdbBaseUrl()} or {@link #genericBaseUrl()},
 * and close it when done.
 * <p>
 * A completed file's final history Status is {@code Inläst}, unless the file contains the
 * processing instruction {@code <?scb-simulator outcome="TEXT"?>} (optionally with
 * {@code progress="N"} to choose its ProgressStatus), or a {@link Faults#finalStatus}
 * fault imposes one.
 * <p>
 * A generic submission gets a new ticket each time. Its status answers 202 for the first
 * {@link StandInOptions#pollsBeforeFinal()} calls, then 302; its result can be fetched
 * from the last 202 on. Its validation passes unless the decoded file contains the ASCII
 * text {@code scb-simulator:validation=fail}; then it fails with a row-level error
 * quoting the file's first two lines that contain {@code ;} and a file-level error.
 * <p>
 * SCB takes time to process what it was sent: with {@link StandInOptions#processing()}
 * (or a {@link Faults#processing processing fault}), a delivery's history answers
 * {@code Bearbetar}, and a ticket's status 202, until that long after the completion or
 * POST, on the {@link StandInOptions#clock() stand-in's clock}; the answer depends only
 * on the time passed, and no request waits for it. Before that, SCB checks the assembled
 * file: with {@link StandInOptions#completionCheck()} the completion {@code -1} and the
 * generic POST are answered only that long after they arrived (in real time).
 * <p>
 * The observation methods are thread-safe and list requests in arrival order. Besides
 * what arrived, the stand-in records how many uploads were {@link #peakUploadsInFlight()
 * in flight at once} and {@link #uploadEvents() when each completed and had its final
 * status answered}.
 */
public final class ScbStandIn implements AutoCloseable {

	private static final Logger logger = LoggerFactory.getLogger(ScbStandIn.class);

	private final StandInOptions options;

	private final GdbStandIn gdb;

	private final GenericStandIn generic;

	private final Faults faults;

	private final UploadLog uploadLog;

	private final DisposableServer server;

	private ScbStandIn(StandInOptions options) {
		this.options = options;
		Clock clock = options.clock();
		this.uploadLog = new UploadLog(clock);
		this.gdb = new GdbStandIn(options.pollsBeforeFinal(), options.maxFragmentSize(),
				options.partialUploadsSurviveNewSession(), options.processing(), clock, this.uploadLog);
		this.generic = new GenericStandIn(options.pollsBeforeFinal(), options.processing(), clock, this.uploadLog);
		this.faults = new Faults(this.gdb::forgetPartialUploads);
		Responder responder = new Responder(this.faults, options.completionCheck());
		HttpServer http = HttpServer.create()
			.host(options.host())
			.port(options.port())
			.handle(new RequestRouter(this.gdb.router(responder, this.faults),
					this.generic.router(responder, this.faults)));
		StandInOptions.Tls tls = options.tls();
		if (tls != null) {
			http = http.secure((spec) -> spec.sslContext(ServerTls.sslContext(tls.keyStore(), tls.keyStorePassword(),
					tls.clientTrustStore(), tls.clientTrustStorePassword())));
		}
		this.server = http.bindNow();
	}

	/**
	 * Binds and starts serving.
	 * @throws IllegalStateException when a TLS store cannot be read
	 * @throws RuntimeException from Reactor Netty when the port cannot be bound
	 */
	public static ScbStandIn start(StandInOptions options) {
		ScbStandIn standIn = new ScbStandIn(options);
		logger.info("SCB stand-in listening at {} (GDB) and {} (generic) ({})", standIn.gdbBaseUrl(),
				standIn.genericBaseUrl(), standIn.describeTls());
		return standIn;
	}

	/**
	 * The base URL to configure a client with, e.g.
	 * {@code http://127.0.0.1:PORT/m2m/v2/}. When bound to every address, it names
	 * 127.0.0.1.
	 */
	public URI gdbBaseUrl() {
		return baseUrl(RequestPath.GDB_BASE);
	}

	/**
	 * The generic delivery service's base URL, e.g. {@code http://127.0.0.1:PORT/API/};
	 * its paths are {@code api/v1/...} below it. When bound to every address, it names
	 * 127.0.0.1.
	 */
	public URI genericBaseUrl() {
		return baseUrl(RequestPath.GENERIC_BASE);
	}

	private URI baseUrl(String path) {
		String host = switch (this.options.host()) {
			case "0.0.0.0", "::", "[::]" -> "127.0.0.1";
			default -> this.options.host();
		};
		try {
			return new URI((this.options.tls() != null) ? "https" : "http", null, host, port(), path, null, null);
		}
		catch (URISyntaxException ex) {
			throw new IllegalStateException("host '" + host + "' does not make a URL", ex);
		}
	}

	public int port() {
		return this.server.port();
	}

	public Faults faults() {
		return this.faults;
	}

	/** Every {@code POST file/...} received, gated and dropped ones included. */
	public List<ReceivedFragment> fragments() {
		return this.gdb.fragments();
	}

	public int heartbeatCount() {
		return this.gdb.heartbeatCount();
	}

	/** Every completed upload. */
	public List<StoredDelivery> deliveries() {
		return this.gdb.deliveries();
	}

	/**
	 * How many {@code GET history/{deliveryId}} calls arrived for this id, faulted ones
	 * included.
	 */
	public int historyCalls(String deliveryId) {
		return this.gdb.historyCalls(deliveryId);
	}

	/**
	 * Every {@code POST api/v1/delivery} whose body was read, refused and faulted ones
	 * included.
	 */
	public List<GenericSubmissionReceived> genericSubmissions() {
		return this.generic.submissions();
	}

	public int genericHeartbeatCount() {
		return this.generic.heartbeatCount();
	}

	/**
	 * How many generic status calls arrived for this ticket (ignoring case), faulted ones
	 * included.
	 */
	public int statusCalls(String ticket) {
		return this.generic.statusCalls(ticket);
	}

	/**
	 * How many {@code GET api/v1/delivery/{ticket}} calls arrived for this ticket
	 * (ignoring case), faulted ones included.
	 */
	public int resultCalls(String ticket) {
		return this.generic.resultCalls(ticket);
	}

	/**
	 * The most uploads that were ever in flight at once since the last {@link #reset()},
	 * on both APIs together. A GDB file's upload is in flight from the heartbeat that
	 * opened its session (or, when that heartbeat already began another file's, from the
	 * first fragment of it the stand-in took) until its completion (fragment -1) took it,
	 * just before the answer; one that is never completed stays in flight. A generic
	 * upload is in flight from the arrival of its {@code POST api/v1/delivery} until its
	 * answer was made, just before it is sent (or until the connection closed without
	 * one). "At once" follows the order in which the stand-in saw those moments, not the
	 * clock.
	 */
	public int peakUploadsInFlight() {
		return this.uploadLog.peakInFlight(null);
	}

	/** Like {@link #peakUploadsInFlight()}, counting only one API's uploads. */
	public int peakUploadsInFlight(Channel channel) {
		return this.uploadLog.peakInFlight(channel);
	}

	/**
	 * How many uploads are in flight now, as {@link #peakUploadsInFlight()} counts them.
	 */
	public int uploadsInFlight() {
		return this.uploadLog.inFlight();
	}

	/**
	 * When each upload since the last {@link #reset()} was
	 * {@link UploadEvent.Kind#COMPLETED completed} and had its
	 * {@link UploadEvent.Kind#FINAL_STATUS_ANSWERED final status answered}, in the order
	 * it happened, on the stand-in's clock.
	 */
	public List<UploadEvent> uploadEvents() {
		return this.uploadLog.events();
	}

	/**
	 * Blocks until a fragment with this index has arrived since the last
	 * {@link #reset()}: its request was read, even when a gate still holds it.
	 * @return the first such fragment, as recorded at the time
	 * @throws IllegalStateException on timeout, listing the indexes that arrived
	 */
	public ReceivedFragment awaitFragment(int index, Duration timeout) {
		return this.gdb.awaitFragment(index, timeout);
	}

	/**
	 * Forgets what was received (deleting the temporary files of large deliveries and
	 * submissions), the faults, partial uploads, deliveries (whose history then answers
	 * 404), tickets (then 404 too), and the uploads in flight and their events. Heartbeat
	 * sessions stay valid.
	 */
	public void reset() {
		this.faults.clear();
		this.uploadLog.clear();
		this.gdb.reset();
		this.generic.reset();
	}

	/**
	 * Stops listening, waits for Reactor Netty to dispose of the server (at most its
	 * default 3 seconds), and deletes the temporary files of uploads in progress, large
	 * deliveries and large decoded submissions; what was received can still be read, but
	 * for those files.
	 */
	@Override
	public void close() {
		this.server.disposeNow();
		this.gdb.deleteFiles();
		this.generic.deleteFiles();
		logger.info("SCB stand-in at port {} stopped", port());
	}

	private String describeTls() {
		StandInOptions.Tls tls = this.options.tls();
		if (tls == null) {
			return "plain HTTP";
		}
		return tls.requiresClientCertificate() ? "TLS, client certificate required" : "TLS";
	}

}
