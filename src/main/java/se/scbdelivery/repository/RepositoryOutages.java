package se.scbdelivery.repository;

import java.sql.SQLException;
import java.sql.SQLNonTransientConnectionException;
import java.sql.SQLRecoverableException;
import java.sql.SQLTransientConnectionException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.function.Supplier;
import java.util.concurrent.Callable;

import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import org.springframework.dao.DataAccessResourceFailureException;
import org.springframework.dao.RecoverableDataAccessException;
import org.springframework.stereotype.Component;
import org.springframework.transaction.CannotCreateTransactionException;
import org.springframework.transaction.TransactionSystemException;

import se.scbdelivery.config.ScbProperties;

/**
 * The job repository being unreachable (a database failing over or restarting, a cut
 * network), as every thread of this process sees it: since when, and whether it is still
 * waited for. An outage is ridden out for {@code scb.repository.outage-tolerance}; past
 * that every call that needs the repository fails at once, until one reaches it again.
 */
@Component
public class RepositoryOutages {

	private static final Logger logger = LoggerFactory.getLogger(RepositoryOutages.class);

	private static final long NONE = Long.MIN_VALUE;

	private static final String GIVEN_UP = "the job repository could not be reached for longer than";

	private static final Duration FIRST_WAIT = Duration.ofMillis(200);

	private static final Duration LONGEST_WAIT = Duration.ofSeconds(5);

	private final Duration tolerance;

	private final Object lock = new Object();

	/** System.nanoTime when the outage was first seen, or NONE. */
	private long since = NONE;

	private boolean givenUp;

	public RepositoryOutages(ScbProperties properties) {
		this.tolerance = properties.repository().outageTolerance();
	}

	/**
	 * Whether a failure says the job repository could not be reached, rather than that it
	 * refused what was asked: only such a failure is waited out.
	 */
	public static boolean isUnreachable(Throwable failure) {
		for (Throwable cause : causes(failure)) {
			if (cause instanceof SQLTransientConnectionException || cause instanceof SQLNonTransientConnectionException
					|| cause instanceof SQLRecoverableException || cause instanceof CannotCreateTransactionException
					|| cause instanceof DataAccessResourceFailureException
					|| cause instanceof RecoverableDataAccessException
					// a commit or rollback that failed: the connection was lost under it
					|| cause instanceof TransactionSystemException) {
				return true;
			}
			// 08: connection exceptions; 57P: the server shutting down or starting up
			if (cause instanceof SQLException sql && sql.getSQLState() != null
					&& (sql.getSQLState().startsWith("08") || sql.getSQLState().startsWith("57P"))) {
				return true;
			}
		}
		return false;
	}

	/**
	 * The one line a person reads for a failure that says the job repository could not be
	 * reached, if it is one.
	 */
	public static Optional<String> explain(Throwable failure) {
		if (!isUnreachable(failure)) {
			return Optional.empty();
		}
		List<Throwable> causes = causes(failure);
		for (Throwable cause : causes) {
			if (cause.getMessage() != null && cause.getMessage().startsWith(GIVEN_UP)) {
				return Optional.of(cause.getMessage());
			}
		}
		return Optional.of("the job repository could not be reached (" + causes.get(causes.size() - 1).getMessage()
				+ "): the delivery resumes from its journal on the next run");
	}

	/** A failure and its causes, outermost first. */
	public static List<Throwable> causes(Throwable failure) {
		List<Throwable> causes = new ArrayList<>();
		for (Throwable cause = failure; cause != null && !causes.contains(cause); cause = cause.getCause()) {
			causes.add(cause);
		}
		return causes;
	}

	public Duration tolerance() {
		return this.tolerance;
	}

	/**
	 * Makes a read outside any transaction again while the repository is unreachable,
	 * within the tolerance: a connection taken before the outage fails its statement
	 * rather than waiting for a new one, and reading again changes nothing.
	 * @throws RuntimeException what the read threw, when it is not an outage or the
	 * outage has lasted longer than the tolerance
	 */
	public <T> T read(Supplier<T> read) {
		try {
			return rideOut(read::get, null);
		}
		catch (RuntimeException ex) {
			throw ex;
		}
		catch (Exception ex) {
			throw new IllegalStateException(ex.getMessage(), ex);
		}
	}

	/**
	 * Runs a call that needs the job repository, again and again while the repository is
	 * unreachable, within the tolerance.
	 * @throws Exception what the call threw, when it is not an outage or the outage has
	 * lasted longer than the tolerance
	 */
	<T> T rideOut(Callable<T> call, @Nullable Runnable beforeRetry) throws Exception {
		Duration wait = FIRST_WAIT;
		boolean retrying = false;
		while (true) {
			try {
				if (retrying && beforeRetry != null) {
					beforeRetry.run();
				}
				T result = call.call();
				reached();
				return result;
			}
			catch (Exception ex) {
				if (!isUnreachable(ex) || !waitOut(ex, wait)) {
					throw ex;
				}
				retrying = true;
				wait = wait.multipliedBy(2).compareTo(LONGEST_WAIT) < 0 ? wait.multipliedBy(2) : LONGEST_WAIT;
			}
		}
	}

	/**
	 * The reason a call gives up on an outage that lasted longer than the tolerance, or
	 * null when it has not.
	 */
	@Nullable String givenUpReason() {
		synchronized (this.lock) {
			return this.givenUp ? reason() : null;
		}
	}

	/** Notes the failure and waits before the next attempt; false once past tolerance. */
	private boolean waitOut(Exception failure, Duration wait) {
		long now = System.nanoTime();
		synchronized (this.lock) {
			if (this.since == NONE) {
				this.since = now;
				this.givenUp = false;
				logger.warn(
						"The job repository cannot be reached ({}): waiting for it up to "
								+ "scb.repository.outage-tolerance={}, calling SCB no further meanwhile",
						failure.getMessage(), this.tolerance);
			}
			if (this.givenUp) {
				return false;
			}
			if (Duration.ofNanos(now - this.since).compareTo(this.tolerance) >= 0) {
				this.givenUp = true;
				logger.error("Giving up on the job repository after scb.repository.outage-tolerance={}",
						this.tolerance);
				return false;
			}
		}
		try {
			Thread.sleep(wait.toMillis());
			return true;
		}
		catch (InterruptedException ex) {
			Thread.currentThread().interrupt();
			return false;
		}
	}

	private void reached() {
		synchronized (this.lock) {
			if (this.since != NONE) {
				logger.warn("The job repository can be reached again after {} s",
						Duration.ofNanos(System.nanoTime() - this.since).toSeconds());
				this.since = NONE;
				this.givenUp = false;
			}
		}
	}

	private String reason() {
		return GIVEN_UP + " scb.repository.outage-tolerance=" + this.tolerance
				+ ": the delivery stopped where its journal says and resumes on the next run";
	}

}
