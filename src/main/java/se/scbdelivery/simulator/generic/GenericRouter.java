package se.scbdelivery.simulator.generic;

import java.io.IOException;
import java.util.List;
import java.util.Objects;
import java.util.function.BiFunction;

import io.netty.buffer.ByteBuf;
import io.netty.handler.codec.http.HttpHeaderNames;
import io.netty.handler.codec.http.HttpMethod;
import org.jspecify.annotations.Nullable;
import org.reactivestreams.Publisher;
import reactor.core.publisher.Mono;
import reactor.core.scheduler.Schedulers;
import reactor.netty.http.server.HttpServerRequest;
import reactor.netty.http.server.HttpServerResponse;

import se.scbdelivery.simulator.server.Answer;
import se.scbdelivery.simulator.server.Faults.Call;
import se.scbdelivery.simulator.server.RequestPath;
import se.scbdelivery.simulator.server.Responder;
import se.scbdelivery.simulator.server.Responder.Exchange;

/**
 * Turns HTTP requests below {@value RequestPath#GENERIC_BASE} into {@link GenericApi}
 * calls, records what arrived, and has the {@link Responder} apply the faults and answer.
 * A submission's body is never held in memory: it streams to a {@link GenericBodyFile} as
 * it arrives, and the {@link SubmissionParser} decodes it from there.
 */
final class GenericRouter implements BiFunction<HttpServerRequest, HttpServerResponse, Publisher<Void>> {

	private static final List<String> API = List.of("api", "v1");

	private final GenericApi api;

	private final Responder responder;

	private final GenericObservations observations;

	GenericRouter(GenericApi api, Responder responder, GenericObservations observations) {
		this.api = api;
		this.responder = responder;
		this.observations = observations;
	}

	@Override
	public Publisher<Void> apply(HttpServerRequest request, HttpServerResponse response) {
		String method = request.method().name();
		String rawPath = RequestPath.rawPath(request.uri());
		List<String> segments;
		try {
			RequestPath path = RequestPath.parse(request.uri(), RequestPath.GENERIC_BASE);
			segments = (path != null) ? path.segments() : List.of();
		}
		catch (IllegalArgumentException ex) {
			return drain(request)
				.flatMap((received) -> this.responder.send(response, new Exchange(method, rawPath, received),
						Answer.message(400, Objects.requireNonNullElse(ex.getMessage(), ex.toString()))));
		}
		if (request.method().equals(HttpMethod.POST) && segments.equals(endpoint("delivery"))) {
			return Mono.defer(() -> {
				// in flight from its arrival until its answer is made, or it fails or is
				// abandoned
				Object post = this.observations.postStarted();
				return submit(request, response, rawPath, post)
					.doFinally((signal) -> this.observations.postEnded(post));
			});
		}
		return drain(request)
			.flatMap((received) -> get(request, response, new Exchange(method, rawPath, received), segments));
	}

	private Mono<Void> get(HttpServerRequest request, HttpServerResponse response, Exchange exchange,
			List<String> segments) {
		if (request.method().equals(HttpMethod.GET)) {
			if (segments.equals(endpoint("heartbeat"))) {
				this.observations.heartbeat();
				return this.responder.handle(response, exchange, Call.GENERIC_HEARTBEAT, 0, this.api::heartbeat,
						(status) -> {
						});
			}
			String statusOf = ticket(segments, "status");
			if (statusOf != null) {
				this.observations.statusCall(statusOf);
				return this.responder.handle(response, exchange, Call.STATUS, 0, () -> this.api.status(statusOf),
						(status) -> {
						});
			}
			String resultOf = ticket(segments, "delivery");
			if (resultOf != null) {
				this.observations.resultCall(resultOf);
				return this.responder.handle(response, exchange, Call.RESULT, 0, () -> this.api.result(resultOf),
						(status) -> {
						});
			}
		}
		return this.responder.send(response, exchange,
				Answer.message(404,
						"no such resource: " + exchange.method() + " " + exchange.path()
								+ "; the generic delivery service has GET api/v1/heartbeat, POST api/v1/delivery,"
								+ " GET api/v1/status/{ticket} and GET api/v1/delivery/{ticket} below "
								+ RequestPath.GENERIC_BASE));
	}

	private Mono<Void> submit(HttpServerRequest request, HttpServerResponse response, String rawPath, Object post) {
		String contentType = request.requestHeaders().get(HttpHeaderNames.CONTENT_TYPE);
		if (!isJson(contentType)) {
			Answer refusal = Answer.message(415, "Content-Type must be application/json, not "
					+ ((contentType != null) ? "'" + contentType + "'" : "missing"));
			return drain(request).flatMap((received) -> answer(response, new Exchange("POST", rawPath, received),
					ParsedSubmission.refused(refusal), post));
		}
		// each chunk is written as it arrives and released by Reactor Netty after
		// doOnNext:
		// nothing aggregates the body. Mono.using deletes the file when the client gives
		// up.
		return Mono.using(GenericBodyFile::create,
				(body) -> request.receive().doOnNext(body::append).then(Mono.defer(() -> {
					Exchange exchange = new Exchange("POST", rawPath, body.size());
					return Mono.fromCallable(() -> parse(body))
						.subscribeOn(Schedulers.boundedElastic())
						// a client that gives up while its body is decoded leaves no
						// decoded file behind
						.doOnDiscard(ParsedSubmission.class, ParsedSubmission::discard)
						.flatMap((submission) -> answer(response, exchange, submission, post));
				})), GenericBodyFile::close);
	}

	/**
	 * Parses and deletes the body file at once, not after the answer, which a gate may
	 * hold for long.
	 */
	private static ParsedSubmission parse(GenericBodyFile body) throws IOException {
		try {
			return SubmissionParser.parse(body.finish());
		}
		finally {
			body.close();
		}
	}

	/**
	 * @param post the POST in flight, which ends as its answer is made, just before it is
	 * sent
	 */
	private Mono<Void> answer(HttpServerResponse response, Exchange exchange, ParsedSubmission submission,
			Object post) {
		GenericObservations.Arrival arrival = this.observations
			.submissionArrived(GenericSubmissionReceived.arrived(submission));
		return this.responder.handle(response, exchange, Call.SUBMIT, 0,
				() -> this.api.submit(submission, arrival::ticketed), (status) -> {
					this.observations.postEnded(post);
					arrival.answered(status);
				});
	}

	/**
	 * Reads and releases the body, counting its bytes: only a submission has a body that
	 * matters.
	 */
	private static Mono<Long> drain(HttpServerRequest request) {
		return request.receive().map(ByteBuf::readableBytes).reduce(0L, (total, size) -> total + size);
	}

	private static boolean isJson(@Nullable String contentType) {
		return contentType != null && contentType.split(";", 2)[0].trim().equalsIgnoreCase("application/json");
	}

	private static List<String> endpoint(String name) {
		return List.of(API.get(0), API.get(1), name);
	}

	/**
	 * The ticket in {@code api/v1/{name}/{ticket}}, or {@code null} when the path is
	 * another.
	 */
	private static @Nullable String ticket(List<String> segments, String name) {
		return (segments.size() == 4 && segments.subList(0, 3).equals(endpoint(name))) ? segments.get(3) : null;
	}

}
