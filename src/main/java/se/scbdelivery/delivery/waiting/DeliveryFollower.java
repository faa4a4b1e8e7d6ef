package se.scbdelivery.delivery.waiting;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.PriorityQueue;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.locks.Condition;
import java.util.concurrent.locks.ReentrantLock;

import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import org.springframework.batch.core.job.JobExecution;
import org.springframework.beans.factory.DisposableBean;
import org.springframework.stereotype.Component;

import se.scbdelivery.config.DeliveryLogContext;
import se.scbdelivery.config.ScbProperties;
import se.scbdelivery.delivery.Channel;
import se.scbdelivery.delivery.DeliveryJobParameters;
import se.scbdelivery.delivery.LeaseLostException;

/**
 * Follows every delivery of this process that waits for SCB's verdict, on one thread
 * however many wait. Each keeps its own pace (the first poll {@code scb.poll.interval}
 * after the upload's own, the wait doubling up to {@code scb.poll.max-interval}), and
 * polls of all of them together keep at least {@code 1 / scb.poll.max-rate} apart. Each
 * poll is its own short transaction (the answer goes to the delivery's journal); nothing
 * is held between polls but the delivery's lease, which its owner renews. A delivery is
 * let go when SCB's answer is final, when the next poll would come past
 * {@code scb.poll.timeout}, when the process stops, or when its lease is lost (each poll
 * confirms it first).
 */
@Component
public class DeliveryFollower implements DisposableBean {

	private static final Logger logger = LoggerFactory.getLogger(DeliveryFollower.class);

	private final Map<Channel, StatusCheck> checks = new EnumMap<>(Channel.class);

	private final WaitingRuns runs;

	private final ScbProperties.Poll poll;

	private final Clock clock;

	private final ReentrantLock lock = new ReentrantLock();

	private final Condition changed = this.lock.newCondition();

	private final PriorityQueue<Waiting> queue = new PriorityQueue<>(Comparator.comparing(Waiting::due));

	/** Every delivery followed now: those queued and the one whose poll is in flight. */
	private final Set<Waiting> followed = ConcurrentHashMap.newKeySet();

	private @Nullable Thread thread;

	private boolean stopping;

	private Instant lastPoll = Instant.EPOCH;

	private static final class Waiting {

		private final JobExecution execution;

		private final StatusCheck check;

		private final CompletableFuture<FollowEnd> end = new CompletableFuture<>();

		void letGo(FollowEnd why, Set<Waiting> followed) {
			try {
				this.check.letGo(this.execution);
			}
			finally {
				followed.remove(this);
				this.end.complete(why);
			}
		}

		private PollBackoff backoff;

		private Instant due;

		Waiting(JobExecution execution, StatusCheck check, PollBackoff backoff, Instant due) {
			this.execution = execution;
			this.check = check;
			this.backoff = backoff;
			this.due = due;
		}

		Instant due() {
			return this.due;
		}

		long instanceId() {
			return this.execution.getJobInstance().getInstanceId();
		}

	}

	DeliveryFollower(List<StatusCheck> checks, WaitingRuns runs, ScbProperties properties, Clock clock) {
		checks.forEach((check) -> this.checks.put(check.channel(), check));
		this.runs = runs;
		this.poll = properties.poll();
		this.clock = clock;
	}

	/**
	 * Follows an execution that ended STOPPED waiting for SCB's verdict, its upload's own
	 * poll having just been answered.
	 * @return completes when the follower lets it go, saying why
	 */
	public CompletableFuture<FollowEnd> follow(JobExecution execution) {
		Channel channel = DeliveryJobParameters.channel(execution.getJobParameters());
		StatusCheck check = this.checks.get(channel);
		if (check == null) {
			throw new IllegalStateException("no status check for the " + channel.key() + " channel");
		}
		PollBackoff backoff = new PollBackoff(this.poll.interval(), this.poll.maxInterval());
		Waiting waiting = new Waiting(execution, check, backoff, this.clock.instant().plus(backoff.delay()));
		if (this.runs.timesOut(waiting.instanceId(), backoff.delay())) {
			return CompletableFuture.completedFuture(FollowEnd.TIMED_OUT);
		}
		this.lock.lock();
		try {
			if (this.stopping) {
				return CompletableFuture.completedFuture(FollowEnd.STOPPING);
			}
			this.queue.add(waiting);
			this.followed.add(waiting);
			if (this.thread == null) {
				Thread follower = new Thread(this::followAll, "scb-follower");
				follower.setDaemon(true);
				follower.start();
				this.thread = follower;
			}
			this.changed.signalAll();
		}
		finally {
			this.lock.unlock();
		}
		return waiting.end;
	}

	/** How many deliveries wait for SCB's verdict now. */
	public int waiting() {
		return this.followed.size();
	}

	/**
	 * Lets every waiting delivery go (each stays STOPPED, resumable) and follows no new
	 * one: the process is stopping. One whose poll is in flight is let go when its answer
	 * is in.
	 * @return how many were waiting
	 */
	public int stop() {
		List<Waiting> left;
		int waiting;
		this.lock.lock();
		try {
			this.stopping = true;
			waiting = this.followed.size();
			left = new ArrayList<>(this.queue);
			this.queue.clear();
			this.changed.signalAll();
		}
		finally {
			this.lock.unlock();
		}
		if (waiting > 0) {
			logger.warn("Stopping: {} deliveries waiting for SCB stay STOPPED; a later run follows them", waiting);
		}
		left.forEach((queued) -> queued.letGo(FollowEnd.STOPPING, this.followed));
		return waiting;
	}

	@Override
	public void destroy() {
		stop();
	}

	private void followAll() {
		try {
			Waiting next;
			while ((next = nextDue()) != null) {
				pollOnce(next);
			}
		}
		catch (InterruptedException ex) {
			Thread.currentThread().interrupt();
			stop();
		}
	}

	/** Waits until a delivery is due and the rate allows a poll; null once stopping. */
	private @Nullable Waiting nextDue() throws InterruptedException {
		this.lock.lock();
		try {
			while (!this.stopping) {
				Waiting head = this.queue.peek();
				if (head == null) {
					this.changed.await();
					continue;
				}
				Instant allowed = this.lastPoll.plus(this.poll.minSpacing());
				Instant at = head.due().isAfter(allowed) ? head.due() : allowed;
				Duration wait = Duration.between(this.clock.instant(), at);
				if (wait.isNegative() || wait.isZero()) {
					this.lastPoll = this.clock.instant();
					return this.queue.poll();
				}
				this.changed.await(wait.toNanos(), TimeUnit.NANOSECONDS);
			}
			return null;
		}
		finally {
			this.lock.unlock();
		}
	}

	private void pollOnce(Waiting waiting) {
		JobExecution execution = waiting.execution;
		try (DeliveryLogContext context = DeliveryLogContext.open(execution.getId(),
				execution.getJobParameters().getString(DeliveryJobParameters.ORGANISATION),
				execution.getJobParameters().getString(DeliveryJobParameters.FILE_NAME))) {
			if (waiting.check.poll(execution)) {
				waiting.letGo(FollowEnd.FINAL, this.followed);
				return;
			}
		}
		catch (LeaseLostException ex) {
			logger.warn("Execution {}: {}", execution.getId(), ex.getMessage());
			waiting.letGo(FollowEnd.LEASE_LOST, this.followed);
			return;
		}
		catch (RuntimeException ex) {
			// SCB unreachable or the repository faltering: the delivery keeps waiting,
			// and
			// the
			// timeout still bounds how long
			logger.warn("Could not follow execution {} this time: {}; trying again later", execution.getId(),
					ex.getMessage(), ex);
		}
		waiting.backoff = waiting.backoff.next();
		if (this.runs.timesOut(waiting.instanceId(), waiting.backoff.delay())) {
			waiting.letGo(FollowEnd.TIMED_OUT, this.followed);
			return;
		}
		waiting.due = this.clock.instant().plus(waiting.backoff.delay());
		this.lock.lock();
		try {
			if (!this.stopping) {
				this.queue.add(waiting);
				return;
			}
		}
		finally {
			this.lock.unlock();
		}
		waiting.letGo(FollowEnd.STOPPING, this.followed);
	}

}
