package se.scbdelivery.scb.generic;

import java.net.URI;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;
import java.util.Objects;
import java.util.Set;
import java.util.stream.Stream;

import se.scbdelivery.config.ScbProperties;
import se.scbdelivery.scb.http.AnswerWait;
import se.scbdelivery.scb.http.RetryScope;
import se.scbdelivery.scb.http.ScbAnswer;
import se.scbdelivery.scb.http.ScbBadAnswerException;
import se.scbdelivery.scb.http.ScbCall;
import se.scbdelivery.scb.http.ScbEndpoint;
import se.scbdelivery.scb.http.ScbHttpClient;

/**
 * {@link GenericDeliveryClient} over the shared {@link ScbHttpClient}. Keeps no state
 * between calls; safe for concurrent use.
 */
public final class ReactorGenericDeliveryClient implements GenericDeliveryClient {

	private static final List<String> DELIVERY = List.of("api", "v1", "delivery");

	private static final String TICKET_PLACEHOLDER = "{ticket}";

	private static final int PROCESSED = 302;

	private static final int NOT_PROCESSED = 202;

	private final ScbHttpClient http;

	private final URI baseUrl;

	private final List<String> heartbeatPath;

	private final List<String> statusPath;

	private final ScbCall.AnswerCap resultCap;

	/**
	 * @param baseUrl the service's base, ending in {@code /}, under which
	 * {@code api/v1/...} lie, e.g. {@code https://m2m.scb.se/API/}
	 * @throws IllegalArgumentException if the base URL does not end in {@code /}, the
	 * status path has no {@code {ticket}}, or the result cap is below 1
	 */
	public ReactorGenericDeliveryClient(ScbHttpClient http, URI baseUrl, ScbProperties.Generic settings) {
		if (!baseUrl.getPath().endsWith("/")) {
			throw new IllegalArgumentException("the generic service's base URL " + baseUrl + " must end in /");
		}
		if (!settings.statusPath().contains(TICKET_PLACEHOLDER)) {
			throw new IllegalArgumentException(
					"scb.generic.status-path '" + settings.statusPath() + "' must contain " + TICKET_PLACEHOLDER);
		}
		this.http = http;
		this.baseUrl = baseUrl;
		this.heartbeatPath = segments(settings.heartbeatPath());
		this.statusPath = segments(settings.statusPath());
		this.resultCap = new ScbCall.AnswerCap(settings.maxResultBytes(), "scb.generic.max-result-bytes");
	}

	@Override
	public void heartbeat() {
		this.http
			.execute(ScbCall.get(ScbEndpoint.GENERIC_HEARTBEAT, this.baseUrl, this.heartbeatPath, ScbCall.noHeaders()));
	}

	/**
	 * {@inheritDoc}
	 * @throws IllegalArgumentException if the file cannot be read (nothing is sent)
	 * @throws IllegalStateException if the file changes while it is sent
	 */
	@Override
	public Ticket submit(GenericSubmission submission, Path file) {
		Objects.requireNonNull(submission.contract(), "the submission's contract");
		ScbCall call = ScbCall
			.post(ScbEndpoint.GENERIC_SUBMIT, this.baseUrl, DELIVERY, ScbCall.noHeaders(),
					SubmissionBody.of(submission, file))
			.withRetryScope(RetryScope.REQUEST_NOT_PROCESSED)
			.withAnswerWait(AnswerWait.COMPLETION_TIMEOUT);
		return GenericAnswers.ticket(call.name(), this.http.execute(call));
	}

	@Override
	public ProcessingState status(Ticket ticket) {
		List<String> path = this.statusPath.stream()
			.map((segment) -> segment.replace(TICKET_PLACEHOLDER, ticket.value()))
			.toList();
		ScbCall call = ScbCall.get(ScbEndpoint.GENERIC_STATUS, this.baseUrl, path, ScbCall.noHeaders())
			.withAcceptedStatuses(Set.of(PROCESSED));
		ScbAnswer answer = this.http.execute(call);
		return switch (answer.status()) {
			case NOT_PROCESSED -> ProcessingState.NOT_PROCESSED;
			case PROCESSED -> ProcessingState.PROCESSED;
			default -> throw new ScbBadAnswerException(call.name(),
					"HTTP " + answer.status() + " instead of 202 (not processed) or 302 (processed)", null);
		};
	}

	@Override
	public ValidationResult result(Ticket ticket) {
		ScbCall call = ScbCall
			.get(ScbEndpoint.GENERIC_RESULT, this.baseUrl, concat(DELIVERY, ticket.value()), ScbCall.noHeaders())
			.withAnswerCap(this.resultCap);
		return GenericAnswers.result(call.name(), this.http.execute(call));
	}

	/**
	 * A configured path such as {@code api/v1/heartbeat}, as segments; a leading
	 * {@code /} is ignored.
	 */
	private static List<String> segments(String path) {
		String relative = path.strip().replaceFirst("^/+", "");
		return Arrays.asList(relative.split("/", -1));
	}

	private static List<String> concat(List<String> path, String last) {
		return Stream.concat(path.stream(), Stream.of(last)).toList();
	}

}
