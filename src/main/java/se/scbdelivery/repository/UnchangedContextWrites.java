package se.scbdelivery.repository;

import java.lang.reflect.InvocationHandler;
import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Method;
import java.lang.reflect.Proxy;
import java.time.LocalDateTime;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;

import org.jspecify.annotations.Nullable;

import org.springframework.batch.core.BatchStatus;
import org.springframework.batch.core.job.JobExecution;
import org.springframework.batch.core.job.JobInstance;
import org.springframework.batch.core.repository.JobRepository;
import org.springframework.batch.core.step.StepExecution;
import org.springframework.batch.infrastructure.item.ExecutionContext;
import org.springframework.transaction.support.TransactionSynchronization;
import org.springframework.transaction.support.TransactionSynchronizationManager;

/**
 * A job repository that leaves out writes that would store what is already committed: an
 * execution context that has not changed since its last write, and the second of the two
 * identical updates Spring Batch makes of an ended step (before and after its listeners).
 * Spring Batch writes a step's context three times and the job's once more at the end of
 * every step, changed or not; for a short tasklet step that is five of its dozen
 * transactions. A context is written whenever it has changed (Spring Batch marks it
 * dirty), and whenever its last write may not have been committed: a write inside a
 * transaction counts only once that transaction has committed, so a context whose chunk
 * rolled back is written again by the next write Spring Batch asks for. Updates of a
 * running step are never left out: they are how a step learns that its job is being
 * stopped.
 */
final class UnchangedContextWrites implements InvocationHandler {

	private static final int REMEMBERED = 4096;

	private final JobRepository delegate;

	/** Step executions whose context, as it is now, is committed. */
	private final Set<Long> cleanSteps = remembered();

	/** Job executions whose context, as it is now, is committed. */
	private final Set<Long> cleanJobs = remembered();

	/** Ended step executions, as last committed. */
	private final Map<Long, EndedStep> endedSteps = Collections.synchronizedMap(new LinkedHashMap<>(64, 0.75f, false) {
		@Override
		protected boolean removeEldestEntry(Map.Entry<Long, EndedStep> eldest) {
			return size() > REMEMBERED;
		}
	});

	/**
	 * The step executions of the job instances this process created, by instance and step
	 * name.
	 */
	private final Map<Long, Map<String, List<StepExecution>>> createdInstances = Collections
		.synchronizedMap(new LinkedHashMap<>(64, 0.75f, false) {
			@Override
			protected boolean removeEldestEntry(Map.Entry<Long, Map<String, List<StepExecution>>> eldest) {
				return size() > REMEMBERED;
			}
		});

	private UnchangedContextWrites(JobRepository delegate) {
		this.delegate = delegate;
	}

	static JobRepository wrap(JobRepository repository) {
		return (JobRepository) Proxy.newProxyInstance(JobRepository.class.getClassLoader(),
				new Class<?>[] { JobRepository.class }, new UnchangedContextWrites(repository));
	}

	@Override
	public @Nullable Object invoke(Object proxy, Method method, @Nullable Object[] args) throws Throwable {
		Object only = (args != null && args.length == 1) ? args[0] : null;
		if (method.getName().equals("updateExecutionContext")) {
			if (only instanceof StepExecution step) {
				return write(method, args, step.getExecutionContext(), this.cleanSteps, step.getId());
			}
			if (only instanceof JobExecution job) {
				return write(method, args, job.getExecutionContext(), this.cleanJobs, job.getId());
			}
		}
		if (method.getName().equals("update") && only instanceof StepExecution step && step.getEndTime() != null) {
			return updateEnded(method, args, step);
		}
		if ((method.getName().equals("getLastStepExecution") || method.getName().equals("getStepExecutionCount"))
				&& args != null && args.length == 2 && args[0] instanceof JobInstance instance
				&& args[1] instanceof String stepName) {
			Map<String, List<StepExecution>> created = this.createdInstances.get(instance.getId());
			List<StepExecution> steps = (created != null) ? created.getOrDefault(stepName, List.of()) : null;
			// the newest one only as it was committed: else the database knows better
			if (steps != null && (steps.isEmpty() || isCommitted(steps.get(steps.size() - 1)))) {
				return method.getName().equals("getStepExecutionCount") ? (Object) (long) steps.size()
						: (steps.isEmpty() ? null : steps.get(steps.size() - 1));
			}
		}
		Object result = call(method, args);
		if (method.getName().equals("createJobInstance") && result instanceof JobInstance instance) {
			this.createdInstances.put(instance.getId(), new ConcurrentHashMap<>());
		}
		if (method.getName().equals("createStepExecution") && result instanceof StepExecution step) {
			Map<String, List<StepExecution>> created = this.createdInstances
				.get(step.getJobExecution().getJobInstance().getId());
			if (created != null) {
				created.computeIfAbsent(step.getStepName(), (name) -> new CopyOnWriteArrayList<>()).add(step);
			}
		}
		// a new execution's context was written with it, as it is
		if (method.getName().equals("createStepExecution") && result instanceof StepExecution step) {
			committed(this.cleanSteps, step.getId(), step.getExecutionContext());
		}
		else if (method.getName().equals("createJobExecution") && result instanceof JobExecution job) {
			committed(this.cleanJobs, job.getId(), job.getExecutionContext());
		}
		return result;
	}

	private @Nullable Object write(Method method, @Nullable Object[] args, ExecutionContext context, Set<Long> clean,
			long id) throws Throwable {
		if (!context.isDirty() && clean.contains(id)) {
			return null;
		}
		clean.remove(id);
		Object result = call(method, args);
		committed(clean, id, context);
		return result;
	}

	/**
	 * Whether an ended step's state and context, as they are now, are what the database
	 * holds.
	 */
	private boolean isCommitted(StepExecution step) {
		return step.getEndTime() != null && EndedStep.of(step).equals(this.endedSteps.get(step.getId()))
				&& !step.getExecutionContext().isDirty() && this.cleanSteps.contains(step.getId());
	}

	private @Nullable Object updateEnded(Method method, @Nullable Object[] args, StepExecution step) throws Throwable {
		long id = step.getId();
		if (EndedStep.of(step).equals(this.endedSteps.get(id))) {
			return null;
		}
		this.endedSteps.remove(id);
		Object result = call(method, args);
		EndedStep written = EndedStep.of(step);
		afterCommit(() -> this.endedSteps.put(id, written));
		return result;
	}

	/** Notes that the context is clean once what was just written is surely committed. */
	private static void committed(Set<Long> clean, long id, ExecutionContext context) {
		afterCommit(() -> {
			if (!context.isDirty()) {
				clean.add(id);
			}
		});
	}

	/** Runs at once outside a transaction, else once the transaction has committed. */
	private static void afterCommit(Runnable action) {
		if (!TransactionSynchronizationManager.isSynchronizationActive()) {
			action.run();
			return;
		}
		TransactionSynchronizationManager.registerSynchronization(new TransactionSynchronization() {
			@Override
			public void afterCompletion(int status) {
				if (status == STATUS_COMMITTED) {
					action.run();
				}
			}
		});
	}

	private @Nullable Object call(Method method, @Nullable Object[] args) throws Throwable {
		try {
			return method.invoke(this.delegate, args);
		}
		catch (InvocationTargetException ex) {
			throw ex.getCause();
		}
	}

	/** What an update of an ended step execution stores, but the time of the update. */
	private record EndedStep(BatchStatus status, String exitCode, String exitDescription, long readCount,
			long writeCount, long commitCount, long rollbackCount, long filterCount, long skipCount,
			@Nullable LocalDateTime startTime, @Nullable LocalDateTime endTime, @Nullable Integer version) {

		static EndedStep of(StepExecution step) {
			return new EndedStep(step.getStatus(), step.getExitStatus().getExitCode(),
					step.getExitStatus().getExitDescription(), step.getReadCount(), step.getWriteCount(),
					step.getCommitCount(), step.getRollbackCount(), step.getFilterCount(), step.getSkipCount(),
					step.getStartTime(), step.getEndTime(), step.getVersion());
		}

	}

	private static Set<Long> remembered() {
		return Collections.synchronizedSet(Collections.newSetFromMap(new LinkedHashMap<>(64, 0.75f, false) {
			@Override
			protected boolean removeEldestEntry(Map.Entry<Long, Boolean> eldest) {
				return size() > REMEMBERED;
			}
		}));
	}

}
