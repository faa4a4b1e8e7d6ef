package se.scbdelivery.simulator.gdb;

import java.io.ByteArrayOutputStream;
import java.util.List;
import java.util.Objects;
import java.util.function.BiFunction;

import io.netty.handler.codec.http.HttpHeaderNames;
import io.netty.handler.codec.http.HttpMethod;
import io.netty.handler.codec.http.cookie.Cookie;
import io.netty.handler.codec.http.cookie.ServerCookieDecoder;
import org.jspecify.annotations.Nullable;
import org.reactivestreams.Publisher;
import reactor.core.publisher.Mono;
import reactor.netty.http.server.HttpServerRequest;
import reactor.netty.http.server.HttpServerResponse;

import se.scbdelivery.simulator.gdb.GdbMultipartForm.FilePart;
import se.scbdelivery.simulator.server.Answer;
import se.scbdelivery.simulator.server.Faults.Call;
import se.scbdelivery.simulator.server.RequestPath;
import se.scbdelivery.simulator.server.Responder;
import se.scbdelivery.simulator.server.Responder.Exchange;

/**
 * Turns HTTP requests below {@value RequestPath#GDB_BASE} into {@link GdbApi} calls:
 * reads the body (bounded), records what arrived, and has the {@link Responder} apply the
 * faults and answer.
 */
final class GdbRouter implements BiFunction<HttpServerRequest, HttpServerResponse, Publisher<Void>> {

	/** Room for the multipart framing around the largest fragment. */
	private static final int BODY_MARGIN = 64 * 1024;

	private final GdbApi api;

	private final GdbSessions sessions;

	private final Responder responder;

	private final GdbObservations observations;

	private final int bodyLimit;

	GdbRouter(GdbApi api, GdbSessions sessions, Responder responder, GdbObservations observations,
			int maxFragmentSize) {
		this.api = api;
		this.sessions = sessions;
		this.responder = responder;
		this.observations = observations;
		this.bodyLimit = maxFragmentSize + BODY_MARGIN;
	}

	@Override
	public Publisher<Void> apply(HttpServerRequest request, HttpServerResponse response) {
		return request.receive()
			.asByteArray()
			.collect(
					() -> new BoundedBody(this.bodyLimit, request.requestHeaders().get(HttpHeaderNames.CONTENT_LENGTH)),
					BoundedBody::append)
			.flatMap((body) -> route(request, response, body));
	}

	private Mono<Void> route(HttpServerRequest request, HttpServerResponse response, BoundedBody body) {
		Exchange exchange = new Exchange(request.method().name(), RequestPath.rawPath(request.uri()), body.size());
		RequestPath path;
		try {
			path = RequestPath.parse(request.uri(), RequestPath.GDB_BASE);
		}
		catch (IllegalArgumentException ex) {
			return this.responder.send(response, exchange,
					Answer.message(400, Objects.requireNonNullElse(ex.getMessage(), ex.toString())));
		}
		if (path == null) {
			return this.responder.send(response, exchange, notFound(exchange));
		}
		List<String> segments = path.segments();
		if (request.method().equals(HttpMethod.GET) && segments.equals(List.of("heartbeat"))) {
			this.observations.heartbeat();
			return this.responder.handle(response, exchange, Call.HEARTBEAT, 0, this.api::heartbeat, (status) -> {
			});
		}
		if (request.method().equals(HttpMethod.GET) && segments.size() == 2 && segments.get(0).equals("history")) {
			String deliveryId = segments.get(1);
			this.observations.historyCall(deliveryId);
			return this.responder.handle(response, exchange, Call.HISTORY, 0, () -> this.api.history(deliveryId),
					(status) -> {
					});
		}
		if (request.method().equals(HttpMethod.POST)) {
			FragmentPath fragment;
			try {
				fragment = FragmentPath.of(segments);
			}
			catch (IllegalArgumentException ex) {
				return this.responder.send(response, exchange,
						Answer.message(400, Objects.requireNonNullElse(ex.getMessage(), ex.toString())));
			}
			if (fragment != null) {
				return fragment(request, response, exchange, fragment, body);
			}
		}
		return this.responder.send(response, exchange, notFound(exchange));
	}

	private Mono<Void> fragment(HttpServerRequest request, HttpServerResponse response, Exchange exchange,
			FragmentPath path, BoundedBody body) {
		String sessionId = this.sessions.resolve(cookie(request, GdbSessions.SESSION_COOKIE),
				cookie(request, GdbSessions.BALANCER_COOKIE));
		FilePart part = null;
		String formProblem = null;
		if (!body.tooLarge()) {
			try {
				part = GdbMultipartForm.filePart(request.requestHeaders().get(HttpHeaderNames.CONTENT_TYPE),
						body.bytes());
			}
			catch (IllegalArgumentException ex) {
				formProblem = Objects.requireNonNullElse(ex.getMessage(), ex.toString());
			}
		}
		GdbObservations.Arrival arrival = this.observations
			.fragmentArrived(new ReceivedFragment(path.index(), path.organisation(), path.program(), path.period(),
					path.format(), path.fileName(), path.version(), (part != null) ? part.content().length : -1,
					(part != null) ? part.fileName() : null, sessionId, ReceivedFragment.NO_ANSWER));
		GdbApi.Upload upload = new GdbApi.Upload(path, sessionId, part, formProblem, body.tooLarge());
		Call call = (path.index() == FragmentPath.COMPLETION) ? Call.COMPLETION : Call.FRAGMENT;
		return this.responder.handle(response, exchange, call, path.index(), () -> this.api.upload(upload),
				arrival::answered);
	}

	private static Answer notFound(Exchange exchange) {
		return Answer.message(404, "no such resource: " + exchange.method() + " " + exchange.path()
				+ "; the GDB API has GET heartbeat, POST file/{fragment}/{org}/{program}/{period}/{format}/{fileName}/{version?}"
				+ " and GET history/{deliveryId} below " + RequestPath.GDB_BASE
				+ "; the generic delivery service is below " + RequestPath.GENERIC_BASE + "api/v1/");
	}

	private static @Nullable String cookie(HttpServerRequest request, String name) {
		for (String header : request.requestHeaders().getAll(HttpHeaderNames.COOKIE)) {
			for (Cookie cookie : ServerCookieDecoder.LAX.decode(header)) {
				if (cookie.name().equals(name)) {
					return cookie.value();
				}
			}
		}
		return null;
	}

	/**
	 * A request body kept up to a limit; beyond it only counted, so a huge body cannot
	 * exhaust memory.
	 */
	private static final class BoundedBody {

		private final int limit;

		private final ByteArrayOutputStream bytes;

		private long size;

		/**
		 * Sized for the announced body, so a 9 MB fragment is not copied as the buffer
		 * grows.
		 */
		BoundedBody(int limit, @Nullable String contentLength) {
			this.limit = limit;
			this.bytes = new ByteArrayOutputStream(initialCapacity(limit, contentLength));
		}

		private static int initialCapacity(int limit, @Nullable String contentLength) {
			try {
				long announced = (contentLength != null) ? Long.parseLong(contentLength.trim()) : 0;
				return (int) Math.max(32, Math.min(announced, limit));
			}
			catch (NumberFormatException ex) {
				return 32;
			}
		}

		void append(byte[] chunk) {
			this.size += chunk.length;
			if (this.size <= this.limit) {
				this.bytes.writeBytes(chunk);
			}
		}

		boolean tooLarge() {
			return this.size > this.limit;
		}

		long size() {
			return this.size;
		}

		byte[] bytes() {
			return this.bytes.toByteArray();
		}

	}

}
