package se.scbdelivery.delivery.waiting;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

import org.jspecify.annotations.Nullable;

import org.springframework.batch.core.job.JobExecution;
import org.springframework.stereotype.Component;

import se.scbdelivery.config.ScbProperties;

/**
 * What this process remembers of each delivery it runs, across the executions that
 * waiting splits it into: where the run began (Systemfel re-uploads count against
 * {@code scb.upload.systemfel-retries} from there) and since when it has waited for the
 * current receipt (for {@code scb.poll.timeout}). A new command's run of a delivery
 * starts both afresh, as a restart always has. In memory on purpose: it describes this
 * process's run, not the delivery.
 */
@Component
public class WaitingRuns {

	private final Map<Long, Run> runs = new ConcurrentHashMap<>();

	private final Duration timeout;

	private final Clock clock;

	private record Run(long firstExecution, @Nullable String receipt, @Nullable Instant since, boolean timedOut) {

		Run waitingFor(String receipt, Instant now) {
			return receipt.equals(this.receipt) ? this : new Run(this.firstExecution, receipt, now, false);
		}

	}

	WaitingRuns(ScbProperties properties, Clock clock) {
		this.timeout = properties.poll().timeout();
		this.clock = clock;
	}

	/** A command takes up a delivery that has executions already. */
	public void begin(long instanceId) {
		this.runs.remove(instanceId);
	}

	/** The delivery's run in this process is over: nothing of it is kept. */
	public void end(long instanceId) {
		this.runs.remove(instanceId);
	}

	/** The first execution of the delivery's run in this process. */
	public long firstExecution(JobExecution execution) {
		return run(execution).firstExecution();
	}

	/**
	 * Starts the wait for a receipt, if it has not started: called before each poll.
	 * @throws ProcessingTimeoutException when the follower found the wait past the
	 * timeout
	 */
	public void beforePoll(JobExecution execution, String receipt, String what, String resume) {
		Run run = this.runs.compute(instanceId(execution),
				(id, known) -> ((known != null) ? known : fresh(execution)).waitingFor(receipt, this.clock.instant()));
		if (run.timedOut()) {
			Instant since = (run.since() != null) ? run.since() : this.clock.instant();
			Duration waited = Duration.between(since, this.clock.instant()).withNanos(0);
			throw new ProcessingTimeoutException(
					what + " after " + waited + " (scb.poll.timeout=" + this.timeout + "): " + resume);
		}
	}

	/**
	 * Whether a poll after {@code delay} would come past the timeout; if so, the next
	 * {@link #beforePoll} fails.
	 */
	boolean timesOut(long instanceId, Duration delay) {
		Run run = this.runs.get(instanceId);
		if (run == null || run.since() == null) {
			return false;
		}
		Duration waited = Duration.between(run.since(), this.clock.instant());
		if (waited.plus(delay).compareTo(this.timeout) <= 0) {
			return false;
		}
		this.runs.computeIfPresent(instanceId,
				(id, known) -> new Run(known.firstExecution(), known.receipt(), known.since(), true));
		return true;
	}

	private Run run(JobExecution execution) {
		return this.runs.computeIfAbsent(instanceId(execution), (id) -> fresh(execution));
	}

	private static Run fresh(JobExecution execution) {
		return new Run(execution.getId(), null, null, false);
	}

	private static long instanceId(JobExecution execution) {
		return execution.getJobInstance().getInstanceId();
	}

}
