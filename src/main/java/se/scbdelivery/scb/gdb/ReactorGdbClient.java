package se.scbdelivery.scb.gdb;

import java.net.URI;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

import io.netty.handler.codec.http.DefaultHttpHeaders;
import io.netty.handler.codec.http.HttpHeaderNames;
import io.netty.handler.codec.http.HttpHeaders;
import io.netty.handler.codec.http.cookie.ClientCookieDecoder;
import io.netty.handler.codec.http.cookie.ClientCookieEncoder;
import io.netty.handler.codec.http.cookie.Cookie;
import io.netty.handler.codec.http.cookie.DefaultCookie;

import se.scbdelivery.scb.http.AnswerWait;
import se.scbdelivery.scb.http.ScbAnswer;
import se.scbdelivery.scb.http.ScbBadAnswerException;
import se.scbdelivery.scb.http.ScbCall;
import se.scbdelivery.scb.http.ScbEndpoint;
import se.scbdelivery.scb.http.ScbHttpClient;

/**
 * {@link GdbClient} over the shared {@link ScbHttpClient}. Keeps no state between calls:
 * the heartbeat's cookies travel in the {@link GdbSession} the caller passes back.
 */
public final class ReactorGdbClient implements GdbClient {

	private final ScbHttpClient http;

	private final URI baseUrl;

	/**
	 * @param baseUrl SCB's GDB base, ending in {@code /}, e.g.
	 * {@code https://test.m2m.gdb.scb.se/m2m/v2/}
	 */
	public ReactorGdbClient(ScbHttpClient http, URI baseUrl) {
		if (!baseUrl.getPath().endsWith("/")) {
			throw new IllegalArgumentException("the GDB base URL " + baseUrl + " must end in /");
		}
		this.http = http;
		this.baseUrl = baseUrl;
	}

	@Override
	public GdbSession heartbeat() {
		ScbCall call = ScbCall.get(ScbEndpoint.GDB_HEARTBEAT, this.baseUrl, List.of("heartbeat"), ScbCall.noHeaders());
		ScbAnswer answer = this.http.execute(call);
		if (answer.status() != 200) {
			// SCB documents 200 as the only success; anything else means something in
			// between answered.
			throw new ScbBadAnswerException(call.name(), "HTTP " + answer.status() + " instead of 200", null);
		}
		List<SessionCookie> cookies = new ArrayList<>();
		for (String header : answer.headers().getAll(HttpHeaderNames.SET_COOKIE)) {
			// LAX: keep every cookie SCB's load balancer sets, even one STRICT would
			// drop.
			Cookie cookie = ClientCookieDecoder.LAX.decode(header);
			if (cookie != null) {
				cookies.add(new SessionCookie(cookie.name(), cookie.value()));
			}
		}
		return new GdbSession(cookies, GdbAnswers.serverTime(answer));
	}

	@Override
	public void uploadFragment(GdbSession session, UploadTarget target, int index, Path file, long offset, int length) {
		if (index < 0 || offset < 0 || length < 0) {
			throw new IllegalArgumentException(
					"fragment " + index + " at " + offset + " of " + length + " bytes: all must be 0 or more");
		}
		this.http.execute(ScbCall.post(ScbEndpoint.GDB_FRAGMENT, this.baseUrl, filePath(target, index),
				cookies(session), FilePart.of(target.fileName(), file, offset, length)));
	}

	@Override
	public DeliveryReceipt complete(GdbSession session, UploadTarget target) {
		ScbCall call = ScbCall
			.post(ScbEndpoint.GDB_COMPLETE, this.baseUrl, filePath(target, -1), cookies(session),
					FilePart.empty(target.fileName()))
			.withAnswerWait(AnswerWait.COMPLETION_TIMEOUT);
		return GdbAnswers.receipt(call.name(), this.http.execute(call));
	}

	@Override
	public HistoryEntry history(GdbSession session, DeliveryId deliveryId) {
		ScbCall call = ScbCall.get(ScbEndpoint.GDB_HISTORY, this.baseUrl, List.of("history", deliveryId.value()),
				cookies(session));
		return GdbAnswers.history(call.name(), this.http.execute(call));
	}

	private static List<String> filePath(UploadTarget target, int index) {
		return List.of("file", Integer.toString(index), target.organisation().value(), target.program().name(),
				target.referencePeriod().toString(), target.fileFormat(), target.fileName(),
				(target.version() != null) ? target.version() : "");
	}

	private static HttpHeaders cookies(GdbSession session) {
		HttpHeaders headers = new DefaultHttpHeaders();
		if (!session.cookies().isEmpty()) {
			List<Cookie> cookies = session.cookies()
				.stream()
				.map((cookie) -> (Cookie) new DefaultCookie(cookie.name(), cookie.value()))
				.toList();
			headers.set(HttpHeaderNames.COOKIE, ClientCookieEncoder.LAX.encode(cookies));
		}
		return headers;
	}

}
