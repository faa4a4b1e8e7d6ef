package se.scbdelivery.delivery.outcome;

import java.util.List;
import java.util.Optional;

import org.springframework.beans.factory.BeanCreationException;

import se.scbdelivery.delivery.ExplainedFailureException;
import se.scbdelivery.delivery.InvalidDeliveryInputException;
import se.scbdelivery.repository.RepositoryOutages;
import se.scbdelivery.scb.http.ScbCallException;
import se.scbdelivery.scb.http.ScbTlsException;
import se.scbdelivery.scb.http.ScbUnavailableException;

/**
 * The one sentence a person reads for a technical failure: what happened and what to do,
 * for every kind the product knows (SCB unreachable or not answering in time, TLS
 * refused, the job repository out, the lease taken over); only an unexpected exception
 * shows its class, with "the log has the details".
 */
public final class FailureSentences {

	private static final String RESUMES = "the next scan or 'restart --failed' resumes the delivery where it stopped";

	private FailureSentences() {
	}

	public static String of(Throwable failure) {
		return known(failure).orElseGet(() -> unexpected(failure));
	}

	/** The sentence for a failure of a kind the product knows; empty for any other. */
	public static Optional<String> known(Throwable failure) {
		Optional<ScbUnavailableException> unavailable = DeliveryOutcome.find(failure, ScbUnavailableException.class);
		if (unavailable.isPresent()) {
			return Optional.of("SCB did not answer: " + unavailable.get().getMessage() + ". If it persists, check the "
					+ "network path to SCB from here and SCB's service status; " + RESUMES);
		}
		Optional<ScbTlsException> tls = DeliveryOutcome.find(failure, ScbTlsException.class);
		if (tls.isPresent()) {
			return Optional
				.of(tls.get().getMessage() + ". Retrying will not help until that is fixed; then " + RESUMES);
		}
		// exceptions whose message is one line written for a person already
		for (Class<? extends Throwable> type : List.of(InvalidDeliveryInputException.class, ScbCallException.class,
				ExplainedFailureException.class)) {
			Optional<? extends Throwable> explained = DeliveryOutcome.find(failure, type);
			if (explained.isPresent()) {
				return Optional.of(String.valueOf(explained.get().getMessage()));
			}
		}
		return RepositoryOutages.explain(failure);
	}

	private static String unexpected(Throwable failure) {
		Throwable first = unwrapped(failure);
		return "unexpected " + first.getClass().getSimpleName() + ": " + first.getMessage()
				+ " (the log has the details); " + RESUMES;
	}

	/**
	 * The failure inside Spring's wrappers: the SCB clients are built when first used, so
	 * an error in their settings arrives wrapped in a BeanCreationException.
	 */
	private static Throwable unwrapped(Throwable failure) {
		Throwable cause = failure;
		while (cause instanceof BeanCreationException && cause.getCause() != null && cause.getCause() != cause) {
			cause = cause.getCause();
		}
		return cause;
	}

}
