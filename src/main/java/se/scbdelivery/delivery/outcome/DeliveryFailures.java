package se.scbdelivery.delivery.outcome;

import java.util.List;
import java.util.Optional;

import org.jspecify.annotations.Nullable;

import org.springframework.batch.core.job.JobExecution;
import org.springframework.beans.factory.BeanCreationException;

import se.scbdelivery.delivery.ExplainedFailureException;
import se.scbdelivery.delivery.InvalidDeliveryInputException;
import se.scbdelivery.repository.RepositoryOutages;
import se.scbdelivery.scb.http.ScbCallException;
import se.scbdelivery.scb.http.ScbRefusedException;

/**
 * Turns an execution's failures into the one line a person reads, and SCB's own answer.
 */
final class DeliveryFailures {

	/** Exceptions whose message is already one line written for a person. */
	private static final List<Class<? extends Throwable>> EXPLAINED = List.of(InvalidDeliveryInputException.class,
			ScbCallException.class, ExplainedFailureException.class);

	private DeliveryFailures() {
	}

	static @Nullable String describe(JobExecution execution) {
		List<Throwable> failures = execution.getAllFailureExceptions();
		if (failures.isEmpty()) {
			return null;
		}
		for (Throwable failure : failures) {
			for (Class<? extends Throwable> type : EXPLAINED) {
				Optional<? extends Throwable> explained = DeliveryOutcome.find(failure, type);
				if (explained.isPresent()) {
					return explained.get().getMessage();
				}
			}
		}
		for (Throwable failure : failures) {
			Optional<String> outage = RepositoryOutages.explain(failure);
			if (outage.isPresent()) {
				return outage.get();
			}
		}
		Throwable first = unwrapped(failures.get(0));
		return "unexpected " + first.getClass().getSimpleName() + ": " + first.getMessage()
				+ " (the log has the details)";
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

	static @Nullable String scbAnswer(JobExecution execution) {
		for (Throwable failure : execution.getAllFailureExceptions()) {
			Optional<ScbRefusedException> refused = DeliveryOutcome.find(failure, ScbRefusedException.class);
			if (refused.isPresent()) {
				return refused.get().body();
			}
		}
		return null;
	}

}
