package se.scbdelivery.scb.http;

import java.net.URI;
import java.util.List;
import java.util.Set;

import io.netty.handler.codec.http.DefaultHttpHeaders;
import io.netty.handler.codec.http.HttpHeaders;
import io.netty.handler.codec.http.HttpMethod;
import org.jspecify.annotations.Nullable;

/**
 * One request to SCB, and how strictly its answer is judged. The factory methods give the
 * defaults: every transient fault retried, the answer awaited for
 * {@code scb.http.response-timeout}, only 2xx an answer, answers capped by
 * {@code scb.http.max-answer-bytes}; the {@code with…} methods derive a call that
 * differs.
 *
 * @param endpoint which of SCB's operations this is, as metrics name it
 * @param baseUrl ends in {@code /}; the segments are resolved against it
 * @param pathSegments unencoded; each is percent-encoded on its own, and an empty last
 * segment makes the path end in {@code /}
 * @param headers sent as they are (secrets such as cookies belong here, never in the
 * path)
 * @param retryScope which transient faults may be retried
 * @param answerWait how long the answer may take once the request is sent
 * @param acceptedStatuses statuses outside 2xx that are answers to this call rather than
 * failures, e.g. a 302 that reports a state and must not be followed
 * @param answerCap how much of the answer is read; {@code null} for the client's
 * {@code scb.http.max-answer-bytes}
 */
public record ScbCall(ScbEndpoint endpoint, HttpMethod method, URI baseUrl, List<String> pathSegments,
		HttpHeaders headers, @Nullable RequestBody body, RetryScope retryScope, AnswerWait answerWait,
		Set<Integer> acceptedStatuses, @Nullable AnswerCap answerCap) {

	public ScbCall {
		pathSegments = List.copyOf(pathSegments);
		acceptedStatuses = Set.copyOf(acceptedStatuses);
		if (!baseUrl.getPath().endsWith("/")) {
			throw new IllegalArgumentException("base URL " + baseUrl + " must end in /");
		}
	}

	/**
	 * A call with the defaults: every transient fault retried, the answer awaited for the
	 * response timeout, only 2xx accepted, the client's cap.
	 */
	public ScbCall(ScbEndpoint endpoint, HttpMethod method, URI baseUrl, List<String> pathSegments, HttpHeaders headers,
			@Nullable RequestBody body) {
		this(endpoint, method, baseUrl, pathSegments, headers, body, RetryScope.ANY_TRANSIENT_FAULT,
				AnswerWait.RESPONSE_TIMEOUT, Set.of(), null);
	}

	public static ScbCall get(ScbEndpoint endpoint, URI baseUrl, List<String> pathSegments, HttpHeaders headers) {
		return new ScbCall(endpoint, HttpMethod.GET, baseUrl, pathSegments, headers, null);
	}

	public static ScbCall post(ScbEndpoint endpoint, URI baseUrl, List<String> pathSegments, HttpHeaders headers,
			RequestBody body) {
		return new ScbCall(endpoint, HttpMethod.POST, baseUrl, pathSegments, headers, body);
	}

	public static HttpHeaders noHeaders() {
		return new DefaultHttpHeaders();
	}

	/** This call, retried only within {@code scope}. */
	public ScbCall withRetryScope(RetryScope scope) {
		return new ScbCall(this.endpoint, this.method, this.baseUrl, this.pathSegments, this.headers, this.body, scope,
				this.answerWait, this.acceptedStatuses, this.answerCap);
	}

	/** This call, its answer awaited as {@code wait} says. */
	public ScbCall withAnswerWait(AnswerWait wait) {
		return new ScbCall(this.endpoint, this.method, this.baseUrl, this.pathSegments, this.headers, this.body,
				this.retryScope, wait, this.acceptedStatuses, this.answerCap);
	}

	/**
	 * This call, with the given 1xx, 3xx, 4xx or 5xx statuses returned as answers instead
	 * of failing (a 3xx is still never followed).
	 */
	public ScbCall withAcceptedStatuses(Set<Integer> statuses) {
		return new ScbCall(this.endpoint, this.method, this.baseUrl, this.pathSegments, this.headers, this.body,
				this.retryScope, this.answerWait, statuses, this.answerCap);
	}

	/** This call, reading answers up to {@code cap} instead of the client's setting. */
	public ScbCall withAnswerCap(AnswerCap cap) {
		return new ScbCall(this.endpoint, this.method, this.baseUrl, this.pathSegments, this.headers, this.body,
				this.retryScope, this.answerWait, this.acceptedStatuses, cap);
	}

	/**
	 * Method and readable path, e.g.
	 * {@code POST file/3/9990000045/VINN/2024-06-30/V40/a.xml/}.
	 */
	public String name() {
		return this.method.name() + " " + String.join("/", this.pathSegments);
	}

	/** The base URL with the encoded segments appended. */
	public URI uri() {
		return URI.create(this.baseUrl.toString() + PercentEncoding.join(this.pathSegments));
	}

	/**
	 * The most bytes of an answer to read.
	 *
	 * @param setting the property that sets it, named when an answer is too large
	 */
	public record AnswerCap(int bytes, String setting) {

		public AnswerCap {
			if (bytes < 1) {
				throw new IllegalArgumentException(setting + " must be at least 1, not " + bytes);
			}
		}

	}

}
