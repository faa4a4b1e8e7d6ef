package se.scbdelivery.delivery.outcome;

import java.util.Optional;

import org.springframework.batch.core.BatchStatus;
import org.springframework.batch.core.job.JobExecution;
import org.springframework.batch.core.step.StepExecution;

import se.scbdelivery.delivery.InvalidDeliveryInputException;
import se.scbdelivery.delivery.journal.DeliveryJournal;
import se.scbdelivery.delivery.journal.Verdict;
import se.scbdelivery.scb.http.ScbRefusedException;

/**
 * How a delivery ended, and the process exit code each ending gives (INTERFACE.md). The
 * name is also the job execution's exit status, so it is in the job repository for
 * {@code list} and for a later {@code deliver} of the same file to report.
 */
public enum DeliveryOutcome {

	/** {@code Inläst}; generic: {@code successfulValidation} true. */
	LOADED(0),

	/**
	 * {@code Ej inläst}, or an unknown status with ProgressStatus 2; generic: validation
	 * failed.
	 */
	NOT_LOADED(3),

	/** SCB refused the file itself at upload (HTTP 400): it must be corrected. */
	REFUSED(3),

	/** {@code Inläst med fel}. */
	LOADED_WITH_ERRORS(4),

	/** Bad input: nothing was sent. */
	INVALID_INPUT(2),

	/** A technical failure; restartable, nothing lost. */
	FAILED(1),

	/** Stopped on request; restartable. */
	STOPPED(1),

	/**
	 * Uploaded, waiting for SCB's verdict: the execution stopped at its poll step, and
	 * the process follows it, or a later run does (never uploading again).
	 */
	WAITING(1),

	/** Still running (seen by {@code list}). */
	RUNNING(1),

	/**
	 * Left for a later run by {@code scan}: still being written, or being delivered by
	 * another live process. Not a failure.
	 */
	SKIPPED(0),

	/**
	 * A person decided it is not to be resumed ({@code abandon}): scans and restarts
	 * leave it alone; only an explicit {@code deliver} sends the file anew. Not a
	 * failure.
	 */
	ABANDONED(0),

	/**
	 * Failed or stopped, and a later execution of the same delivery took it over (seen by
	 * {@code list --all}): what happened since is that execution's. Not a failure of its
	 * own.
	 */
	SUPERSEDED(0);

	private final int exitCode;

	DeliveryOutcome(int exitCode) {
		this.exitCode = exitCode;
	}

	public int exitCode() {
		return this.exitCode;
	}

	/**
	 * The outcome of an execution, from its status, SCB's final answer and its failures.
	 */
	public static DeliveryOutcome of(JobExecution execution, DeliveryJournal journal) {
		BatchStatus status = execution.getStatus();
		if (status == BatchStatus.COMPLETED) {
			return ofVerdict(journal);
		}
		if (status == BatchStatus.ABANDONED) {
			return ABANDONED;
		}
		if (status == BatchStatus.STOPPED) {
			return isWaiting(execution) ? WAITING : STOPPED;
		}
		if (execution.isRunning()) {
			return RUNNING;
		}
		for (Throwable failure : execution.getAllFailureExceptions()) {
			if (find(failure, InvalidDeliveryInputException.class).isPresent()) {
				return INVALID_INPUT;
			}
			if (find(failure, ScbRefusedException.class).filter((ex) -> ex.status() == 400).isPresent()) {
				return REFUSED;
			}
		}
		return FAILED;
	}

	/** The outcome SCB's verdict on the current attempt gives a completed delivery. */
	public static DeliveryOutcome ofVerdict(DeliveryJournal journal) {
		Verdict verdict = journal.verdict();
		if (verdict == null) {
			return FAILED;
		}
		return switch (verdict.meaning()) {
			case LOADED -> LOADED;
			case LOADED_WITH_ERRORS -> LOADED_WITH_ERRORS;
			case NOT_LOADED -> NOT_LOADED;
			case SYSTEM_ERROR, NONE -> FAILED;
		};
	}

	/**
	 * The outcome an exit status names, or {@link #FAILED} for one this version does not
	 * know.
	 */
	public static DeliveryOutcome ofExitCode(String exitCode) {
		for (DeliveryOutcome outcome : values()) {
			if (outcome.name().equals(exitCode)) {
				return outcome;
			}
		}
		return FAILED;
	}

	/**
	 * Whether the execution stopped at its poll step waiting for SCB's verdict (known as
	 * soon as the job has ended, before its exit status says so).
	 */
	public static boolean isWaiting(JobExecution execution) {
		if (execution.getStatus() != BatchStatus.STOPPED) {
			return false;
		}
		StepExecution last = null;
		for (StepExecution step : execution.getStepExecutions()) {
			if (last == null || step.getId() > last.getId()) {
				last = step;
			}
		}
		return last != null && WAITING.name().equals(last.getExitStatus().getExitCode());
	}

	static <T extends Throwable> Optional<T> find(Throwable failure, Class<T> type) {
		for (Throwable cause = failure; cause != null; cause = cause.getCause()) {
			if (type.isInstance(cause)) {
				return Optional.of(type.cast(cause));
			}
			if (cause.getCause() == cause) {
				break;
			}
		}
		return Optional.empty();
	}

}
