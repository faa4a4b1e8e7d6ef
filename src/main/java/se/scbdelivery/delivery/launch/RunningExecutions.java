package se.scbdelivery.delivery.launch;

import java.time.Duration;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.locks.Condition;
import java.util.concurrent.locks.ReentrantLock;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import org.springframework.batch.core.job.JobExecution;
import org.springframework.batch.core.launch.JobExecutionNotRunningException;
import org.springframework.batch.core.launch.JobOperator;
import org.springframework.batch.core.listener.JobExecutionListener;
import org.springframework.beans.BeansException;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.stereotype.Component;

import se.scbdelivery.config.ConsoleLogFilter;
import se.scbdelivery.config.ScbProperties;
import se.scbdelivery.delivery.StopRequest;
import se.scbdelivery.delivery.StopSignals;
import se.scbdelivery.delivery.waiting.DeliveryFollower;

/**
 * The executions running in this process, and a graceful stop on SIGTERM: each is asked
 * to stop (the upload after the fragment in flight, the polling before its next poll),
 * and the hook waits up to {@code scb.shutdown.grace} for them to end, recorded as
 * STOPPED, before the JVM goes; deliveries waiting for SCB are let go (they are STOPPED
 * already). Once stopping has begun no new delivery starts. Both jobs register their
 * executions here as a listener.
 */
@Component
public class RunningExecutions implements JobExecutionListener {

	private static final Logger logger = LoggerFactory.getLogger(RunningExecutions.class);

	private final Set<JobExecution> running = ConcurrentHashMap.newKeySet();

	private final ReentrantLock lock = new ReentrantLock();

	private final Condition ended = this.lock.newCondition();

	private final ObjectProvider<JobOperator> jobOperator;

	private final ObjectProvider<DeliveryFollower> follower;

	private final Duration grace;

	private final CountDownLatch commandDone = new CountDownLatch(1);

	private volatile boolean stopping;

	// resolved only when stopping: building the operator together with this bean was seen
	// to
	// leave Spring Batch's job registry without the jobs (a restart by JobExecution then
	// fails)
	RunningExecutions(ObjectProvider<JobOperator> jobOperator, ObjectProvider<DeliveryFollower> follower,
			ScbProperties properties) {
		this.jobOperator = jobOperator;
		this.follower = follower;
		this.grace = properties.shutdown().grace();
		StopSignals.install();
		Runtime.getRuntime().addShutdownHook(new Thread(this::stopAll, "graceful-stop"));
	}

	@Override
	public void beforeJob(JobExecution execution) {
		this.running.add(execution);
	}

	@Override
	public void afterJob(JobExecution execution) {
		this.lock.lock();
		try {
			this.running.remove(execution);
			this.ended.signalAll();
		}
		finally {
			this.lock.unlock();
		}
	}

	/**
	 * The command has ended (its results printed, its leases released): the JVM may go.
	 */
	public void commandFinished() {
		this.commandDone.countDown();
	}

	/** Whether the process is stopping: no delivery may start. */
	public boolean isStopping() {
		return this.stopping;
	}

	/**
	 * The stop asked of this process from outside, once it is stopping: what the process
	 * ends with, whatever a command returns.
	 */
	public Optional<StopRequest> stopRequest() {
		return this.stopping ? StopSignals.received() : Optional.empty();
	}

	/**
	 * Stops every running execution and waits, at most the grace period, for all to end.
	 */
	void stopAll() {
		boolean commandEnded = this.commandDone.getCount() == 0;
		this.stopping = true;
		if (commandEnded) {
			// the ordinary exit, its context closed: what is still listed is a launch
			// that
			// threw before Spring Batch's afterJob (its end could not be recorded), not
			// a delivery in flight; waiting for it only held the JVM for the grace period
			if (!this.running.isEmpty()) {
				logger.info(ConsoleLogFilter.FILE_ONLY,
						"The command ended; {} executions it launched could not record their end, and a later "
								+ "run recovers them",
						this.running.size());
			}
			return;
		}
		int waiting = stopFollower();
		if (this.running.isEmpty()) {
			if (waiting > 0) {
				awaitCommand(System.nanoTime() + this.grace.toNanos());
			}
			return;
		}
		logger.warn("Stopping {} running deliveries (scb.shutdown.grace={}); a later run resumes them",
				this.running.size(), this.grace);
		for (JobExecution execution : this.running) {
			try {
				this.jobOperator.getObject().stop(execution);
			}
			catch (JobExecutionNotRunningException | RuntimeException ex) {
				logger.warn("Could not stop execution {}: {}", execution.getId(), ex.getMessage(), ex);
			}
		}
		logger.warn("Stop requested; waiting for the fragment or poll in flight to end");
		long deadline = System.nanoTime() + this.grace.toNanos();
		this.lock.lock();
		try {
			while (!this.running.isEmpty()) {
				long left = deadline - System.nanoTime();
				if (left <= 0) {
					logger.warn("{} deliveries did not stop within {}: a later run recovers them", this.running.size(),
							this.grace);
					return;
				}
				this.ended.await(left, TimeUnit.NANOSECONDS);
			}
			logger.warn("Every running delivery stopped; they resume with 'restart --failed' or the next scan");
		}
		catch (InterruptedException ex) {
			Thread.currentThread().interrupt();
			return;
		}
		finally {
			this.lock.unlock();
		}
		awaitCommand(deadline);
	}

	/** Lets go of the deliveries waiting for SCB; how many there were. */
	private int stopFollower() {
		DeliveryFollower follower;
		try {
			follower = this.follower.getIfAvailable();
		}
		catch (BeansException ex) {
			// the context is closed already, and with it the follower
			return 0;
		}
		return (follower != null) ? follower.stop() : 0;
	}

	/** Lets the command record and print what it did before the JVM goes. */
	private void awaitCommand(long deadline) {
		try {
			this.commandDone.await(Math.max(0, deadline - System.nanoTime()), TimeUnit.NANOSECONDS);
		}
		catch (InterruptedException ex) {
			Thread.currentThread().interrupt();
		}
	}

}
