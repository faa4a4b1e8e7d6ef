package se.scbdelivery.delivery.outcome;

import java.util.List;
import java.util.Optional;

import org.jspecify.annotations.Nullable;

import org.springframework.batch.core.BatchStatus;
import org.springframework.batch.core.job.JobExecution;
import org.springframework.batch.core.job.JobInterruptedException;

import se.scbdelivery.scb.http.ScbRefusedException;

/**
 * Turns an execution's failures into the one line a person reads, and SCB's own answer.
 */
final class DeliveryFailures {

	private DeliveryFailures() {
	}

	static @Nullable String describe(JobExecution execution) {
		// a stop on request interrupts the step: that is how the stop ends it, not a
		// failure
		List<Throwable> failures = execution.getAllFailureExceptions()
			.stream()
			.filter((failure) -> !isStopOnRequest(failure))
			.toList();
		if (failures.isEmpty()) {
			return null;
		}
		// the first failure written for a person, else the first one
		return failures.stream()
			.flatMap((failure) -> FailureSentences.known(failure).stream())
			.findFirst()
			.orElseGet(() -> FailureSentences.of(failures.get(0)));
	}

	/** Whether the execution was stopped on request (SIGTERM) while it ran. */
	static boolean stoppedOnRequest(JobExecution execution) {
		return execution.getStatus() == BatchStatus.STOPPED
				&& execution.getAllFailureExceptions().stream().anyMatch(DeliveryFailures::isStopOnRequest);
	}

	private static boolean isStopOnRequest(Throwable failure) {
		return DeliveryOutcome.find(failure, JobInterruptedException.class).isPresent();
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
