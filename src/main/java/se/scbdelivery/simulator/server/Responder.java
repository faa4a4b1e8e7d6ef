package se.scbdelivery.simulator.server;

import java.time.Duration;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.function.IntConsumer;
import java.util.function.Supplier;

import io.netty.handler.codec.http.HttpHeaderNames;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import reactor.core.publisher.Mono;
import reactor.core.scheduler.Schedulers;
import reactor.netty.http.server.HttpServerResponse;

import se.scbdelivery.simulator.server.Faults.Call;

/**
 * Answers one request of either API with the faults applied: waits at a gate, then a
 * delay, then runs the work off the event loop (or takes a respond fault's answer
 * instead), and sends the answer or closes the connection without one. Before the work of
 * a completion (GDB's {@code -1}, the generic POST) comes SCB's check of the whole file,
 * {@link se.scbdelivery.simulator.StandInOptions#completionCheck()}. Gates, delays and
 * checks only wait on signals, so a held request never blocks other clients. A client
 * that closes its connection before the work starts abandons its request; work that has
 * started runs to its end, as a server's handler would, and only its answer is dropped.
 */
public final class Responder {

	private static final Logger logger = LoggerFactory.getLogger(Responder.class);

	private final Faults faults;

	private final Duration completionCheck;

	/** The request line and the body size, for the log. */
	public record Exchange(String method, String path, long received) {

	}

	/**
	 * @param completionCheck how long SCB checks a file before it answers its completion;
	 * zero for at once
	 */
	public Responder(Faults faults, Duration completionCheck) {
		this.faults = faults;
		this.completionCheck = completionCheck;
	}

	/**
	 * @param index the fragment index for {@link Call#FRAGMENT} and
	 * {@link Call#COMPLETION}, else 0
	 * @param work makes the answer; it runs only when no respond fault answers instead,
	 * and also before a drop fault closes the connection
	 * @param answered told the status actually sent; not called when nothing is sent
	 */
	public Mono<Void> handle(HttpServerResponse response, Exchange exchange, Call call, int index,
			Supplier<Answer> work, IntConsumer answered) {
		Faults.Plan plan = this.faults.plan(call, index);
		Mono<Void> held = (plan.gate() != null) ? plan.gate().released() : Mono.empty();
		Mono<Void> delayed = (plan.delay() != null) ? Mono.delay(plan.delay()).then() : Mono.empty();
		AtomicBoolean ready = new AtomicBoolean();
		// a respond fault stands for an answer SCB's check never reaches
		Mono<Void> checked = (plan.response() == null && isCompletion(call) && !this.completionCheck.isZero())
				? Mono.delay(this.completionCheck).then() : Mono.empty();
		return held.then(delayed)
			.then(checked)
			// once started, the work runs to its end even if the client goes: a cancelled
			// subscribeOn interrupts the thread, and an interrupted FileChannel write
			// closes the channel, leaving the upload's spool unable to take the retry
			.then(Mono.fromFuture(() -> CompletableFuture.supplyAsync(
					() -> (plan.response() != null) ? plan.response() : work.get(), Responder::offTheEventLoop), true))
			.doOnNext((answer) -> ready.set(true))
			// Reactor Netty cancels when the client closes the connection before the
			// answer is ready (it gave up, or was killed while a gate held its request)
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

	private static void offTheEventLoop(Runnable work) {
		Schedulers.boundedElastic().schedule(work);
	}

	private static boolean isCompletion(Call call) {
		return call == Call.COMPLETION || call == Call.SUBMIT;
	}

	/** Sends the answer as it is, without faults. */
	public Mono<Void> send(HttpServerResponse response, Exchange exchange, Answer answer) {
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
	 * Closes the connection and completes once it is closed, so nothing of a response can
	 * be written first: the client sees the connection end where it expects an answer.
	 */
	private static Mono<Void> closeWithoutAnswer(HttpServerResponse response, Exchange exchange) {
		logger.info("{} {} -> no answer: connection closed by a drop fault ({} bytes received)", exchange.method(),
				exchange.path(), exchange.received());
		return Mono.create((sink) -> response
			.withConnection((connection) -> connection.channel().close().addListener((closed) -> sink.success())));
	}

}
