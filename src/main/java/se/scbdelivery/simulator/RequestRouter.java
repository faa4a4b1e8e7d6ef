package se.scbdelivery.simulator;

import java.io.ByteArrayOutputStream;
import java.util.List;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.function.BiFunction;
import java.util.function.IntConsumer;
import java.util.function.Supplier;

import io.netty.handler.codec.http.HttpHeaderNames;
import io.netty.handler.codec.http.HttpMethod;
import io.netty.handler.codec.http.cookie.Cookie;
import io.netty.handler.codec.http.cookie.ServerCookieDecoder;
import org.jspecify.annotations.Nullable;
import org.reactivestreams.Publisher;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import reactor.core.publisher.Mono;
import reactor.core.scheduler.Schedulers;
import reactor.netty.http.server.HttpServerRequest;
import reactor.netty.http.server.HttpServerResponse;

import se.scbdelivery.simulator.Faults.Call;
import se.scbdelivery.simulator.MultipartForm.FilePart;

/**
 * Turns HTTP requests into {@link GdbApi} calls: reads the body (bounded), records what
 * arrived, applies the faults, and sends the answer or closes the connection without one.
 * The handling itself runs off the event loop, and gates and delays only wait on signals, so
 * a held request never blocks other clients.
 */
final class RequestRouter implements BiFunction<HttpServerRequest, HttpServerResponse, Publisher<Void>> {

	private static final Logger logger = LoggerFactory.getLogger(RequestRouter.class);

	/** Room for the multipart framing around the largest fragment. */
	private static final int BODY_MARGIN = 64 * 1024;

	private final GdbApi api;

	private final Sessions sessions;

	private final Faults faults;

	private final Observations observations;

	private final int bodyLimit;

	/** The request line and size, for the log. */
	private record Exchange(String method, String path, long received) {

	}

	RequestRouter(GdbApi api, Sessions sessions, Faults faults, Observations observations, int maxFragmentSize) {
		this.api = api;
		this.sessions = sessions;
		this.faults = faults;
		this.observations = observations;
		this.bodyLimit = maxFragmentSize + BODY_MARGIN;
	}

	@Override
	public Publisher<Void> apply(HttpServerRequest request, HttpServerResponse response) {
		return request.receive()
			.asByteArray()
			.collect(() -> new BoundedBody(this.bodyLimit), BoundedBody::append)
			.flatMap((body) -> route(request, response, body));
	}

	private Mono<Void> route(HttpServerRequest request, HttpServerResponse response, BoundedBody body) {
		Exchange exchange = new Exchange(request.method().name(), RequestPath.rawPath(request.uri()), body.size());
		RequestPath path;
		try {
			path = RequestPath.parse(request.uri());
		}
		catch (IllegalArgumentException ex) {
			return send(response, exchange, Answer.message(400, ex.getMessage()));
		}
		if (path == null) {
			return send(response, exchange, notFound(exchange));
		}
		List<String> segments = path.segments();
		if (request.method().equals(HttpMethod.GET) && segments.equals(List.of("heartbeat"))) {
			this.observations.heartbeat();
			return handle(response, exchange, Call.HEARTBEAT, 0, this.api::heartbeat, (status) -> {
			});
		}
		if (request.method().equals(HttpMethod.GET) && segments.size() == 2 && segments.get(0).equals("history")) {
			String deliveryId = segments.get(1);
			this.observations.historyCall(deliveryId);
			return handle(response, exchange, Call.HISTORY, 0, () -> this.api.history(deliveryId), (status) -> {
			});
		}
		if (request.method().equals(HttpMethod.POST)) {
			FragmentPath fragment;
			try {
				fragment = FragmentPath.of(segments);
			}
			catch (IllegalArgumentException ex) {
				return send(response, exchange, Answer.message(400, ex.getMessage()));
			}
			if (fragment != null) {
				return fragment(request, response, exchange, fragment, body);
			}
		}
		return send(response, exchange, notFound(exchange));
	}

	private Mono<Void> fragment(HttpServerRequest request, HttpServerResponse response, Exchange exchange,
			FragmentPath path, BoundedBody body) {
		String sessionId = this.sessions.resolve(cookie(request, Sessions.SESSION_COOKIE),
				cookie(request, Sessions.BALANCER_COOKIE));
		FilePart part = null;
		String formProblem = null;
		if (!body.tooLarge()) {
			try {
				part = MultipartForm.filePart(request.requestHeaders().get(HttpHeaderNames.CONTENT_TYPE), body.bytes());
			}
			catch (IllegalArgumentException ex) {
				formProblem = ex.getMessage();
			}
		}
		Observations.Arrival arrival = this.observations.fragmentArrived(new ReceivedFragment(path.index(),
				path.organisation(), path.program(), path.period(), path.format(), path.fileName(), path.version(),
				(part != null) ? part.content().length : -1, (part != null) ? part.fileName() : null, sessionId,
				ReceivedFragment.NO_ANSWER));
		GdbApi.Upload upload = new GdbApi.Upload(path, sessionId, part, formProblem, body.tooLarge());
		Call call = (path.index() == FragmentPath.COMPLETION) ? Call.COMPLETION : Call.FRAGMENT;
		return handle(response, exchange, call, path.index(), () -> this.api.upload(upload), arrival::answered);
	}

	private Mono<Void> handle(HttpServerResponse response, Exchange exchange, Call call, int index,
			Supplier<Answer> work, IntConsumer answered) {
		Faults.Plan plan = this.faults.plan(call, index);
		Mono<Void> held = (plan.gate() != null) ? plan.gate().released() : Mono.empty();
		Mono<Void> delayed = (plan.delay() != null) ? Mono.delay(plan.delay()).then() : Mono.empty();
		AtomicBoolean ready = new AtomicBoolean();
		return held.then(delayed)
			.then(Mono.fromSupplier(() -> (plan.response() != null) ? plan.response() : work.get())
				.subscribeOn(Schedulers.boundedElastic()))
			.doOnNext((answer) -> ready.set(true))
			// Reactor Netty cancels when the client closes the connection before the answer is
			// ready (it gave up, or was killed while a gate held its request): it is abandoned
			.doOnCancel(() -> {
				if (!ready.get()) {
					logger.info("{} {} -> no answer: the client closed the connection first", exchange.method(),
							exchange.path());
				}
			})
			.onErrorResume((ex) -> {
				logger.error("{} {} failed in the stand-in", exchange.method(), exchange.path(), ex);
				return Mono.just(Answer.message(500, "the stand-in failed: " + ex));
			})
			.flatMap((answer) -> {
				if (plan.drop()) {
					return closeWithoutAnswer(response, exchange);
				}
				answered.accept(answer.status());
				return send(response, exchange, answer);
			});
	}

	private Mono<Void> send(HttpServerResponse response, Exchange exchange, Answer answer) {
		logger.info("{} {} -> {} ({} bytes received, {} bytes answered)", exchange.method(), exchange.path(),
				answer.status(), exchange.received(), answer.body().length);
		response.status(answer.status());
		if (!answer.hasHeader(HttpHeaderNames.CONTENT_TYPE.toString())) {
			response.header(HttpHeaderNames.CONTENT_TYPE, "application/json; charset=utf-8");
		}
		answer.headers().forEach((header) -> response.addHeader(header.getKey(), header.getValue()));
		response.header(HttpHeaderNames.CONTENT_LENGTH, String.valueOf(answer.body().length));
		return response.sendByteArray(Mono.just(answer.body())).then();
	}

	/**
	 * Closes the connection and completes once it is closed, so nothing of a response can be
	 * written first: the client sees the connection end where it expects an answer.
	 */
	private Mono<Void> closeWithoutAnswer(HttpServerResponse response, Exchange exchange) {
		logger.info("{} {} -> no answer: connection closed by a drop fault ({} bytes received)", exchange.method(),
				exchange.path(), exchange.received());
		return Mono.create((sink) -> response
			.withConnection((connection) -> connection.channel().close().addListener((closed) -> sink.success())));
	}

	private static Answer notFound(Exchange exchange) {
		return Answer.message(404, "no such resource: " + exchange.method() + " " + exchange.path()
				+ "; the GDB API has GET heartbeat, POST file/{fragment}/{org}/{program}/{period}/{format}/{fileName}/{version?}"
				+ " and GET history/{deliveryId} below " + RequestPath.BASE);
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

	/** A request body kept up to a limit; beyond it only counted, so a huge body cannot exhaust memory. */
	private static final class BoundedBody {

		private final int limit;

		private final ByteArrayOutputStream bytes = new ByteArrayOutputStream();

		private long size;

		BoundedBody(int limit) {
			this.limit = limit;
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
