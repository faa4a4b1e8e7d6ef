package se.scbdelivery.delivery.launch;

import java.time.Instant;
import java.time.LocalDateTime;
import java.time.temporal.ChronoUnit;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;

import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import org.springframework.batch.core.BatchStatus;
import org.springframework.batch.core.ExitStatus;
import org.springframework.batch.core.job.DefaultJobKeyGenerator;
import org.springframework.batch.core.job.Job;
import org.springframework.batch.core.job.JobExecution;
import org.springframework.batch.core.job.JobKeyGenerator;
import org.springframework.batch.core.job.parameters.InvalidJobParametersException;
import org.springframework.batch.core.job.parameters.JobParameters;
import org.springframework.batch.core.launch.JobExecutionAlreadyRunningException;
import org.springframework.batch.core.launch.JobInstanceAlreadyCompleteException;
import org.springframework.batch.core.launch.JobOperator;
import org.springframework.batch.core.launch.JobRestartException;
import org.springframework.batch.core.repository.JobRepository;
import org.springframework.dao.EmptyResultDataAccessException;
import org.springframework.stereotype.Service;

import se.scbdelivery.config.ScbProperties;
import se.scbdelivery.delivery.Channel;
import se.scbdelivery.delivery.DeliveryJobParameters;
import se.scbdelivery.delivery.DeliveryRequest;
import se.scbdelivery.delivery.FileFingerprint;
import se.scbdelivery.delivery.InvalidDeliveryInputException;
import se.scbdelivery.delivery.journal.DeliveryJournals;
import se.scbdelivery.delivery.journal.JournalEntry;
import se.scbdelivery.delivery.outcome.DeliveryOutcome;
import se.scbdelivery.delivery.outcome.DeliveryReport;
import se.scbdelivery.delivery.outcome.DeliveryReportWriter;
import se.scbdelivery.delivery.outcome.DeliveryReports;
import se.scbdelivery.delivery.outcome.DeliveryResult;
import se.scbdelivery.delivery.outcome.OpenDeliveries;
import se.scbdelivery.delivery.outcome.PrunedDelivery;
import se.scbdelivery.delivery.waiting.DeliveryFollower;
import se.scbdelivery.delivery.waiting.FollowEnd;
import se.scbdelivery.delivery.waiting.WaitingRuns;

/**
 * Runs deliveries: decides whether a request is new, already delivered (then nothing is
 * sent and the earlier outcome is reported, also once prune removed its instance and kept
 * a record of it, {@link PrunedDeliveries}), interrupted (then it resumes), or being run
 * by another live process (then it is left alone). Every decision and the run itself
 * happen under the delivery's lease ({@link DeliveryLocks}), so of several processes only
 * one ever creates or resumes a delivery; an execution whose owner's lease lapsed is
 * recovered ({@link DeadExecutions}) and resumed. Executions run in the calling thread; a
 * delivery waiting for SCB's verdict is followed by the {@link DeliveryFollower}, keeping
 * its lease, and its execution is restarted once SCB's answer is final.
 */
@Service
public class DeliveryLauncher {

	private static final Logger logger = LoggerFactory.getLogger(DeliveryLauncher.class);

	/**
	 * Runs again after outages within one launch; more would be a database that flaps.
	 */
	private static final int MAX_RUNS_AFTER_OUTAGES = 5;

	private final JobOperator jobOperator;

	private final JobRepository jobRepository;

	private final Map<Channel, Job> jobs = new EnumMap<>(Channel.class);

	private final PreflightChecks checks;

	private final DeliveryReports reports;

	private final DeliveryLocks locks;

	private final DeadExecutions dead;

	private final RunningExecutions running;

	private final OpenDeliveries open;

	private final ScbProperties properties;

	private final DeliveryFollower follower;

	private final WaitingRuns runs;

	private final StrandedExecutions stranded;

	private final DeliveryJournals journals;

	private final DeliveryReportWriter reportWriter;

	private final PrunedDeliveries pruned;

	private final JobKeyGenerator jobKeys = new DefaultJobKeyGenerator();

	DeliveryLauncher(JobOperator jobOperator, JobRepository jobRepository, List<Job> jobs, PreflightChecks checks,
			DeliveryReports reports, DeliveryLocks locks, DeadExecutions dead, RunningExecutions running,
			DeliveryFollower follower, WaitingRuns runs, StrandedExecutions stranded, DeliveryJournals journals,
			DeliveryReportWriter reportWriter, PrunedDeliveries pruned, OpenDeliveries open, ScbProperties properties) {
		this.jobOperator = jobOperator;
		this.jobRepository = jobRepository;
		for (Job job : jobs) {
			Channel.ofJobName(job.getName()).ifPresent((channel) -> this.jobs.put(channel, job));
		}
		this.checks = checks;
		this.reports = reports;
		this.locks = locks;
		this.dead = dead;
		this.running = running;
		this.follower = follower;
		this.runs = runs;
		this.stranded = stranded;
		this.journals = journals;
		this.reportWriter = reportWriter;
		this.pruned = pruned;
		this.open = open;
		this.properties = properties;
	}

	/**
	 * Delivers a file, or resumes its interrupted delivery, or reports its earlier
	 * outcome; waits in this thread while SCB processes it.
	 * @throws InvalidDeliveryInputException before anything is created or sent
	 * @throws ExecutionStillRunningException when a live process is delivering it
	 */
	public DeliveryResult deliver(DeliveryRequest request) {
		return untilFinished(begin(request, IfAbandoned.DELIVER_ANEW));
	}

	/**
	 * Resumes the delivery an execution belongs to, from its newest execution, and waits
	 * while SCB processes it.
	 * @throws IllegalArgumentException when there is no such execution
	 * @throws InvalidDeliveryInputException when the file changed or the settings are
	 * unusable
	 */
	public DeliveryResult restart(long executionId) {
		return untilFinished(beginRestart(executionId));
	}

	/**
	 * Like {@link #deliver}, but returns as soon as the file waits for SCB's verdict, and
	 * a file whose delivery a person abandoned is delivered anew only when asked.
	 */
	public Launch begin(DeliveryRequest request, IfAbandoned ifAbandoned) {
		FileFingerprint fingerprint = this.checks.beforeDelivery(request);
		return launch(job(request.channel()),
				DeliveryJobParameters.of(this.properties.environment(), request, fingerprint), null, ifAbandoned);
	}

	/**
	 * Like {@link #restart}, but returns as soon as the file waits for SCB's verdict.
	 */
	public Launch beginRestart(long executionId) {
		JobExecution given = findExecution(executionId);
		Channel channel = (given != null) ? Channel.ofJobName(given.getJobInstance().getJobName()).orElse(null) : null;
		if (given == null || channel == null) {
			throw new IllegalArgumentException("there is no delivery execution " + executionId + ": see 'list'");
		}
		JobExecution newest = this.jobRepository.getLastJobExecution(given.getJobInstance());
		JobExecution last = (newest != null) ? newest : given;
		if (last.getStatus() == BatchStatus.COMPLETED) {
			return new Launch.Finished(new DeliveryResult(this.reports.of(last), true));
		}
		if (last.getStatus() == BatchStatus.ABANDONED) {
			throw new IllegalArgumentException(
					"execution " + last.getId() + " was " + last.getExitStatus().getExitDescription()
							+ ": it is not resumed; deliver the file again to " + "send it anew");
		}
		this.checks.beforeResume(channel, last.getJobParameters(), last.getId());
		return launch(job(channel), last.getJobParameters(), null, IfAbandoned.LEAVE_IT);
	}

	/**
	 * Records a person's decision that a delivery is not to be resumed: its newest
	 * execution becomes ABANDONED, with the reason in its exit status, journal and
	 * report. Scans and restarts leave it alone from then on; an explicit deliver of the
	 * file delivers it anew.
	 * @throws IllegalArgumentException when there is no such execution, or its delivery
	 * completed
	 * @throws ExecutionStillRunningException when a live process is delivering it
	 */
	public DeliveryResult abandon(long executionId, String reason) {
		JobExecution given = findExecution(executionId);
		if (given == null || Channel.ofJobName(given.getJobInstance().getJobName()).isEmpty()) {
			throw new IllegalArgumentException("there is no delivery execution " + executionId + ": see 'list'");
		}
		JobExecution newest = this.jobRepository.getLastJobExecution(given.getJobInstance());
		JobExecution last = (newest != null) ? newest : given;
		if (last.getStatus() == BatchStatus.COMPLETED) {
			throw new IllegalArgumentException("execution " + last.getId() + " delivered the file ("
					+ last.getExitStatus().getExitCode() + "): there is nothing to abandon");
		}
		if (last.getStatus() == BatchStatus.ABANDONED) {
			return new DeliveryResult(this.reports.of(last), true);
		}
		DeliveryLocks.Lease lease = lease(last.getJobParameters());
		try {
			if (last.isRunning()) {
				this.dead.recover(last);
			}
			String decision = "abandoned by " + System.getProperty("user.name") + " on " + this.locks.owner() + " at "
					+ Instant.now().truncatedTo(ChronoUnit.SECONDS) + ": " + reason;
			last.setStatus(BatchStatus.ABANDONED);
			last.setExitStatus(new ExitStatus(DeliveryOutcome.ABANDONED.name(), decision));
			if (last.getEndTime() == null) {
				last.setEndTime(LocalDateTime.now());
			}
			this.jobRepository.update(last);
			this.open.closed(last.getJobInstance().getInstanceId());
			logger.warn("Execution {} {}", last.getId(), decision);
			this.journals.note(last, JournalEntry.Kind.DECISION,
					"Execution " + last.getId() + " " + decision + "; only an explicit deliver sends the file anew",
					null);
			this.reportWriter.writeEnded(last);
			return new DeliveryResult(this.reports.of(last), false);
		}
		finally {
			release(lease);
		}
	}

	/**
	 * Takes up a delivery the follower let go: restarts its execution to take SCB's
	 * verdict (or to fail it past the timeout), under the lease it kept; or, when the
	 * process is stopping, releases the lease and reports the execution as waiting.
	 * @throws se.scbdelivery.delivery.LeaseLostException when this process lost the lease
	 * while the delivery waited
	 */
	public Launch resume(Launch.Waiting waiting, FollowEnd end) {
		JobExecution parked = waiting.execution();
		if (end == FollowEnd.STOPPING || this.running.isStopping()) {
			release(waiting.lease());
			return new Launch.Finished(new DeliveryResult(this.reports.of(parked), false));
		}
		try {
			// the follower lets go of a delivery whose lease it found lost, and a lease
			// may
			// be lost since the last poll: no restart then, which would call SCB
			waiting.lease().confirm(DeliveryJobParameters.file(parked.getJobParameters()));
		}
		catch (RuntimeException ex) {
			release(waiting.lease());
			throw ex;
		}
		logger.info("Execution {}: {}; restarting it", parked.getId(),
				(end == FollowEnd.FINAL) ? "SCB's answer is final" : "SCB took longer than scb.poll.timeout");
		return launch(waiting.job(), parked.getJobParameters(), waiting.lease(), IfAbandoned.LEAVE_IT);
	}

	/** Follows a waiting delivery in this thread until it is finished. */
	private DeliveryResult untilFinished(Launch launch) {
		Launch current = launch;
		while (current instanceof Launch.Waiting waiting) {
			current = resume(waiting, this.follower.follow(waiting.execution()).join());
		}
		return ((Launch.Finished) current).result();
	}

	/**
	 * Under the delivery's lease (taken here, or kept while it waited): reports a
	 * completed delivery, recovers one a dead process left running or a failing
	 * repository left UNKNOWN, and runs the rest (a new execution, or one resuming the
	 * last). An execution that stops waiting for SCB keeps the lease. A delivery a person
	 * abandoned is reported, unless the file was delivered anew since (then that delivery
	 * is taken up) or is to be now. A delivery whose instance prune removed is told by
	 * the record it kept: completed (reported, nothing sent) or abandoned (as above).
	 */
	private Launch launch(Job job, JobParameters parameters, DeliveryLocks.@Nullable Lease kept,
			IfAbandoned ifAbandoned) {
		DeliveryLocks.Lease lease = (kept != null) ? kept : lease(parameters);
		boolean handedOn = false;
		JobParameters anew;
		try {
			JobExecution last = this.jobRepository.getLastJobExecution(job.getName(), parameters);
			// no instance may mean one that prune removed: its record says how it ended
			PrunedDelivery pruned = (last == null) ? prunedRecord(job, parameters) : null;
			if (pruned != null && !pruned.abandoned()) {
				DeliveryReport report = this.reports.ofPruned(parameters, pruned);
				logger.info("{} {}", DeliveryJobParameters.file(parameters), report.whatToDo());
				return new Launch.Finished(new DeliveryResult(report, true));
			}
			if (pruned == null && (last == null || last.getStatus() != BatchStatus.ABANDONED)) {
				Launch launched = launchHeld(job, parameters, kept, lease, last);
				handedOn = launched instanceof Launch.Waiting;
				return launched;
			}
			anew = DeliveryJobParameters.renewed(parameters);
			if (ifAbandoned == IfAbandoned.LEAVE_IT && !isKnown(job, anew)) {
				DeliveryReport abandoned = (last != null) ? this.reports.of(last)
						: this.reports.ofPruned(parameters, Objects.requireNonNull(pruned));
				logger.info("{} was abandoned with execution {}: nothing sent", DeliveryJobParameters.file(parameters),
						abandoned.execution());
				return new Launch.Finished(new DeliveryResult(abandoned, true));
			}
		}
		finally {
			if (!handedOn) {
				release(lease);
			}
		}
		return launch(job, anew, null, ifAbandoned);
	}

	private @Nullable PrunedDelivery prunedRecord(Job job, JobParameters parameters) {
		return this.pruned.find(job.getName(), this.jobKeys.generateKey(parameters)).orElse(null);
	}

	/**
	 * Whether the delivery with these parameters was ever made: it has an instance, or
	 * prune left a record of it.
	 */
	private boolean isKnown(Job job, JobParameters parameters) {
		return this.jobRepository.getJobInstance(job.getName(), parameters) != null
				|| prunedRecord(job, parameters) != null;
	}

	private Launch launchHeld(Job job, JobParameters parameters, DeliveryLocks.@Nullable Lease kept,
			DeliveryLocks.Lease lease, @Nullable JobExecution last) {
		if (last != null && last.getStatus() == BatchStatus.COMPLETED) {
			logger.info("{} was delivered by execution {}: nothing sent", DeliveryJobParameters.file(parameters),
					last.getId());
			return new Launch.Finished(new DeliveryResult(this.reports.of(last), true));
		}
		if (last != null && last.isRunning()) {
			this.dead.recover(last);
		}
		else if (last != null && StrandedExecutions.isStranded(last)) {
			this.stranded.reconcile(last, "was left UNKNOWN by a job repository that failed while it committed");
		}
		if (last != null && kept == null) {
			this.runs.begin(last.getJobInstance().getInstanceId());
		}
		JobExecution ran = lease.run(DeliveryJobParameters.file(parameters),
				() -> runAgainAfterOutages(job, parameters, run(job, parameters, (kept == null) ? last : null)));
		if (DeliveryOutcome.isWaiting(ran)) {
			logger.info("Execution {}: SCB is processing {}; it waits for the verdict without a delivery slot",
					ran.getId(), DeliveryJobParameters.file(parameters).getFileName());
			return new Launch.Waiting(ran, job, lease);
		}
		this.runs.end(ran.getJobInstance().getInstanceId());
		return new Launch.Finished(new DeliveryResult(this.reports.of(ran), false));
	}

	/**
	 * Runs an execution again that the job repository's outage failed (or left UNKNOWN)
	 * once the repository is back, in this process. Its journal in memory holds what SCB
	 * answered, also what the failed transaction could not record (a DeliveryId, a
	 * ticket); reconciling writes it, so the run goes on from there and sends no
	 * completed file again.
	 */
	private JobExecution runAgainAfterOutages(Job job, JobParameters parameters, JobExecution ran) {
		JobExecution current = ran;
		for (int again = 1; again <= MAX_RUNS_AFTER_OUTAGES && this.stranded.failedByOutage(current)
				&& !this.running.isStopping(); again++) {
			this.stranded.reconcile(current,
					"failed while the job repository could not be reached (within " + this.stranded.tolerance() + ")");
			current = run(job, parameters, current);
		}
		return current;
	}

	/**
	 * Gives the lease back; when the repository cannot take it, the lease lapses by
	 * itself after {@code scb.recovery.stale-after}.
	 */
	private void release(DeliveryLocks.Lease lease) {
		try {
			lease.close();
		}
		catch (RuntimeException ex) {
			logger.warn("Could not give the delivery's lease back ({}): it lapses by itself after "
					+ "scb.recovery.stale-after={}", ex.getMessage(), this.locks.staleAfter(), ex);
		}
	}

	/**
	 * The delivery's lease; holding it proves that no live process is delivering it.
	 * @throws ExecutionStillRunningException when a live process holds it
	 */
	private DeliveryLocks.Lease lease(JobParameters parameters) {
		if (this.running.isStopping()) {
			throw new ExecutionStillRunningException(
					"the process is stopping: " + DeliveryJobParameters.file(parameters) + " is left for the next run");
		}
		String key = this.jobKeys.generateKey(parameters);
		return this.locks.tryLock(key)
			.orElseThrow(() -> this.locks.heldElsewhere(key, DeliveryJobParameters.file(parameters)));
	}

	private JobExecution run(Job job, JobParameters parameters, @Nullable JobExecution last) {
		if (last != null) {
			logger.info("Resuming the delivery of execution {} ({})", last.getId(), last.getStatus());
		}
		return start(job, parameters, false);
	}

	private JobExecution start(Job job, JobParameters parameters, boolean retried) {
		try {
			return this.jobOperator.start(job, parameters);
		}
		catch (JobInstanceAlreadyCompleteException ex) {
			// completed by another process between the check under the lease and the
			// start
			JobExecution completed = this.jobRepository.getLastJobExecution(job.getName(), parameters);
			if (completed == null) {
				throw new IllegalStateException("the delivery is complete but has no execution: " + ex.getMessage(),
						ex);
			}
			return completed;
		}
		catch (JobExecutionAlreadyRunningException ex) {
			// under the lease nothing else runs the delivery: the running execution is
			// one whose creation the job repository stored though it failed the call
			JobExecution orphan = this.jobRepository.getLastJobExecution(job.getName(), parameters);
			if (retried || orphan == null || !orphan.isRunning()) {
				throw new ExecutionStillRunningException(
						"the delivery is being run by another process right now: " + ex.getMessage());
			}
			logger.warn("Execution {} was created by a call the job repository failed: recovering it", orphan.getId());
			this.jobOperator.recover(orphan);
			return start(job, parameters, true);
		}
		catch (JobRestartException | InvalidJobParametersException ex) {
			throw new IllegalStateException("cannot resume the delivery: " + ex.getMessage(), ex);
		}
	}

	private Job job(Channel channel) {
		Job job = this.jobs.get(channel);
		if (job == null) {
			throw new IllegalStateException("no job for the " + channel.key() + " channel");
		}
		return job;
	}

	private @Nullable JobExecution findExecution(long executionId) {
		try {
			return this.jobRepository.getJobExecution(executionId);
		}
		catch (EmptyResultDataAccessException ex) {
			// Spring Batch 6's JDBC repository throws this for an unknown id instead of
			// returning null as JobRepository documents
			return null;
		}
	}

}
