package se.scbdelivery.delivery;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;

import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import org.springframework.batch.core.BatchStatus;
import org.springframework.batch.core.job.Job;
import org.springframework.batch.core.job.DefaultJobKeyGenerator;
import org.springframework.batch.core.job.JobExecution;
import org.springframework.batch.core.job.JobInstance;
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

/**
 * Runs deliveries: decides whether a request is new, already delivered (then nothing is
 * sent and the earlier outcome is reported), interrupted (then it resumes), or being run by
 * another live process (then it is left alone). Every decision and the run itself happen
 * under the delivery's lease ({@link DeliveryLocks}), so of several processes only one ever
 * creates or resumes a delivery; an execution whose owner's lease lapsed is recovered through
 * Spring Batch's own API and resumed. Executions run synchronously in the calling thread.
 */
@Service
public class DeliveryLauncher {

	private static final Logger logger = LoggerFactory.getLogger(DeliveryLauncher.class);

	private final JobOperator jobOperator;

	private final JobRepository jobRepository;

	private final Job gdbJob;

	private final Job genericJob;

	private final DeliveryInputCheck inputCheck;

	private final DeliveryReports reports;

	private final DeliveryJournals journals;

	private final DeliveryLocks locks;

	private final RunningExecutions running;

	private final JobKeyGenerator jobKeys = new DefaultJobKeyGenerator();

	private final ScbProperties properties;

	DeliveryLauncher(JobOperator jobOperator, JobRepository jobRepository, Job gdbDeliveryJob, Job genericDeliveryJob,
			DeliveryInputCheck inputCheck, DeliveryReports reports, DeliveryJournals journals, DeliveryLocks locks, RunningExecutions running,
			ScbProperties properties) {
		this.jobOperator = jobOperator;
		this.jobRepository = jobRepository;
		this.gdbJob = gdbDeliveryJob;
		this.genericJob = genericDeliveryJob;
		this.inputCheck = inputCheck;
		this.reports = reports;
		this.journals = journals;
		this.locks = locks;
		this.running = running;
		this.properties = properties;
	}

	/**
	 * Delivers a file, or resumes its interrupted delivery, or reports its earlier outcome.
	 * @throws InvalidDeliveryInputException before anything is created or sent
	 * @throws ExecutionStillRunningException when a live process is delivering it
	 */
	public DeliveryResult deliver(DeliveryRequest request) {
		checkEnvironment();
		FileFingerprint fingerprint = this.inputCheck.checkFileAndSettings(request.file());
		this.inputCheck.checkCertificate();
		return launch(this.gdbJob, DeliveryJobParameters.of(this.properties.environment(), request, fingerprint));
	}

	/**
	 * Delivers a file through SCB's generic service, or resumes or reports it as
	 * {@link #deliver(DeliveryRequest)} does.
	 * @throws InvalidDeliveryInputException before anything is created or sent
	 * @throws ExecutionStillRunningException when a live process is delivering it
	 */
	public DeliveryResult deliver(GenericDeliveryRequest request) {
		checkEnvironment();
		checkGenericBaseUrl();
		FileFingerprint fingerprint = this.inputCheck.checkFile(request.file());
		this.inputCheck.checkCertificate();
		return launch(this.genericJob, DeliveryJobParameters.of(this.properties.environment(), request, fingerprint));
	}

	/**
	 * Under the delivery's lease: reports a completed delivery, recovers one a dead process
	 * left running, and runs the rest (a new execution, or one resuming the last).
	 */
	private DeliveryResult launch(Job job, JobParameters parameters) {
		try (DeliveryLocks.Lease lease = lease(parameters)) {
			JobExecution last = this.jobRepository.getLastJobExecution(job.getName(), parameters);
			if (last != null && last.getStatus() == BatchStatus.COMPLETED) {
				logger.info("{} was delivered by execution {}: nothing sent", DeliveryJobParameters.file(parameters),
						last.getId());
				return new DeliveryResult(this.reports.of(last), true);
			}
			if (last != null && last.isRunning()) {
				recover(last);
			}
			return new DeliveryResult(this.reports.of(run(job, parameters, last)), false);
		}
	}

	/**
	 * The delivery's lease; holding it proves that no live process is delivering it.
	 * @throws ExecutionStillRunningException when a live process holds it
	 */
	private DeliveryLocks.Lease lease(JobParameters parameters) {
		if (this.running.isStopping()) {
			throw new ExecutionStillRunningException("the process is stopping: " + DeliveryJobParameters.file(parameters)
					+ " is left for the next run");
		}
		String key = this.jobKeys.generateKey(parameters);
		return this.locks.tryLock(key).orElseThrow(() -> {
			String holder = this.locks.holder(key)
				.map((h) -> h.owner() + " (its lease runs until " + h.lockedUntil() + ")")
				.orElse("another process");
			return new ExecutionStillRunningException("the delivery of " + DeliveryJobParameters.file(parameters)
					+ " is running in " + holder + "; it is not taken over while its owner is alive");
		});
	}

	/** @throws InvalidDeliveryInputException when the base URLs do not belong to the environment */
	private void checkEnvironment() {
		this.properties.environmentMismatch().ifPresent((reason) -> {
			throw new InvalidDeliveryInputException(reason);
		});
	}

	private void checkGenericBaseUrl() {
		try {
			this.properties.genericBaseUrl();
		}
		catch (IllegalArgumentException ex) {
			throw new InvalidDeliveryInputException(ex.getMessage(), ex);
		}
	}

	/**
	 * Resumes the delivery an execution belongs to, from its newest execution.
	 * @throws IllegalArgumentException when there is no such execution
	 */
	public DeliveryResult restart(long executionId) {
		JobExecution given = findExecution(executionId);
		Job job = (given != null) ? jobNamed(given.getJobInstance().getJobName()) : null;
		if (job == null) {
			throw new IllegalArgumentException("there is no delivery execution " + executionId + ": see 'list'");
		}
		JobExecution last = this.jobRepository.getLastJobExecution(given.getJobInstance());
		if (last.getStatus() == BatchStatus.COMPLETED) {
			return new DeliveryResult(this.reports.of(last), true);
		}
		checkEnvironment();
		if (job == this.genericJob) {
			checkGenericBaseUrl();
		}
		Path file = DeliveryJobParameters.file(last.getJobParameters());
		FileFingerprint now = (job == this.gdbJob) ? this.inputCheck.checkFileAndSettings(file)
				: this.inputCheck.checkFile(file);
		FileFingerprint then = DeliveryJobParameters.fingerprint(last.getJobParameters());
		if (!now.equals(then)) {
			throw new InvalidDeliveryInputException("file " + file + " has changed since execution "
					+ last.getId() + " began: a changed file is a new delivery; deliver it with 'deliver'");
		}
		this.inputCheck.checkCertificate();
		return launch(job, last.getJobParameters());
	}

	private @Nullable Job jobNamed(String name) {
		return (name.equals(this.gdbJob.getName())) ? this.gdbJob
				: (name.equals(this.genericJob.getName())) ? this.genericJob : null;
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

	private JobExecution run(Job job, JobParameters parameters, @Nullable JobExecution last) {
		try {
			if (last != null) {
				logger.info("Resuming the delivery of execution {} ({})", last.getId(), last.getStatus());
			}
			return this.jobOperator.start(job, parameters);
		}
		catch (JobInstanceAlreadyCompleteException ex) {
			return this.jobRepository.getLastJobExecution(job.getName(), parameters);
		}
		catch (JobExecutionAlreadyRunningException ex) {
			throw new ExecutionStillRunningException(
					"the delivery is being run by another process right now: " + ex.getMessage());
		}
		catch (JobRestartException | InvalidJobParametersException ex) {
			throw new IllegalStateException("cannot resume the delivery: " + ex.getMessage(), ex);
		}
	}

	/**
	 * The newest execution of every delivery that can be resumed, newest first: failed
	 * technically, stopped, or left running by a process that is gone (nobody holds its
	 * lease). Deliveries SCB refused and bad input are left out: resuming them would get the
	 * same answer.
	 */
	public List<Long> resumableExecutions() {
		List<JobExecution> resumable = new ArrayList<>();
		for (Job job : List.of(this.gdbJob, this.genericJob)) {
			for (JobInstance instance : this.jobRepository.getJobInstances(job.getName(), 0, Integer.MAX_VALUE)) {
				JobExecution last = this.jobRepository.getLastJobExecution(instance);
				if (last != null && (last.isRunning() ? isOrphaned(last) : isResumable(last))) {
					resumable.add(last);
				}
			}
		}
		return resumable.stream().map(JobExecution::getId).sorted(Comparator.reverseOrder()).toList();
	}

	private static boolean isResumable(JobExecution execution) {
		String outcome = execution.getExitStatus().getExitCode();
		return (execution.getStatus() == BatchStatus.FAILED || execution.getStatus() == BatchStatus.STOPPED)
				&& !DeliveryOutcome.REFUSED.name().equals(outcome) && !DeliveryOutcome.INVALID_INPUT.name().equals(outcome);
	}

	/** A running execution nobody holds the lease of: its process is gone. */
	private boolean isOrphaned(JobExecution running) {
		Optional<DeliveryLocks.Lease> lease = this.locks.tryLock(this.jobKeys.generateKey(running.getJobParameters()));
		lease.ifPresent(DeliveryLocks.Lease::close);
		return lease.isPresent();
	}

	/**
	 * An execution that looks running while this process holds its delivery's lease: the
	 * process that ran it is gone. Mark it failed so it can resume.
	 */
	private void recover(JobExecution running) {
		String message = "Execution " + running.getId() + " was left running by a process that is gone (its lease "
				+ "lapsed after scb.recovery.stale-after=" + this.locks.staleAfter()
				+ "): recovered it as FAILED to resume it";
		logger.warn(message);
		JobExecution recovered = this.jobOperator.recover(running);
		this.journals.note(recovered, JournalEntry.Kind.WARNING, message, null);
	}

}
