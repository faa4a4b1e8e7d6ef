package se.scbdelivery.repository;

import java.lang.reflect.InvocationHandler;
import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Method;
import java.lang.reflect.Proxy;
import java.util.function.Supplier;

import org.jspecify.annotations.Nullable;

import org.springframework.batch.core.job.JobExecution;
import org.springframework.batch.core.repository.JobRepository;
import org.springframework.batch.core.step.StepExecution;
import org.springframework.dao.OptimisticLockingFailureException;
import org.springframework.transaction.support.TransactionSynchronizationManager;

/**
 * A job repository whose calls made outside a transaction (a step's status at its end, a
 * job's, an execution context written on its own) are made again while the database is
 * unreachable, within the tolerance. A call inside a transaction cannot be: its
 * transaction is lost with the connection, and the step it belongs to fails (or ends
 * UNKNOWN), which the launcher reconciles.
 * <p>
 * An update whose commit failed may or may not have been stored, and Spring Batch has
 * already counted its version up: before it is made again, the version is taken from the
 * database, which this process alone writes for an execution it holds the lease of. The
 * same holds for an update whose version is exactly one ahead of the database's: a write
 * inside a transaction that the outage rolled back.
 */
final class OutageRetries implements InvocationHandler {

	private final JobRepository delegate;

	private final Supplier<RepositoryOutages> outages;

	private OutageRetries(JobRepository delegate, Supplier<RepositoryOutages> outages) {
		this.delegate = delegate;
		this.outages = outages;
	}

	static JobRepository wrap(JobRepository repository, Supplier<RepositoryOutages> outages) {
		return (JobRepository) Proxy.newProxyInstance(JobRepository.class.getClassLoader(),
				new Class<?>[] { JobRepository.class }, new OutageRetries(repository, outages));
	}

	@Override
	public @Nullable Object invoke(Object proxy, Method method, @Nullable Object[] args) throws Throwable {
		if (method.getDeclaringClass() == Object.class
				|| TransactionSynchronizationManager.isActualTransactionActive()) {
			return call(method, args);
		}
		Object only = (args != null && args.length == 1) ? args[0] : null;
		Runnable refresh = refreshVersion(method, only);
		try {
			return this.outages.get().rideOut(() -> call(method, args), refresh);
		}
		catch (OptimisticLockingFailureException ex) {
			// the version counted up for a write whose commit was lost with the
			// connection: the database is one behind, and nobody else wrote it since
			if (refresh == null || !isOneAhead(only)) {
				throw ex;
			}
			refresh.run();
			return this.outages.get().rideOut(() -> call(method, args), refresh);
		}
	}

	private boolean isOneAhead(@Nullable Object execution) {
		if (execution instanceof JobExecution job && job.getVersion() != null) {
			JobExecution stored = this.delegate.getJobExecution(job.getId());
			return stored != null && stored.getVersion() != null && stored.getVersion() == job.getVersion() - 1;
		}
		if (execution instanceof StepExecution step && step.getVersion() != null) {
			StepExecution stored = this.delegate.getStepExecution(step.getId());
			return stored != null && stored.getVersion() != null && stored.getVersion() == step.getVersion() - 1;
		}
		return false;
	}

	private @Nullable Runnable refreshVersion(Method method, @Nullable Object only) {
		if (!method.getName().equals("update")) {
			return null;
		}
		if (only instanceof JobExecution job) {
			return () -> {
				JobExecution stored = this.delegate.getJobExecution(job.getId());
				if (stored != null && stored.getVersion() != null) {
					job.setVersion(stored.getVersion());
				}
			};
		}
		if (only instanceof StepExecution step) {
			return () -> {
				StepExecution stored = this.delegate.getStepExecution(step.getId());
				if (stored != null && stored.getVersion() != null) {
					step.setVersion(stored.getVersion());
				}
			};
		}
		return null;
	}

	private @Nullable Object call(Method method, @Nullable Object[] args) throws Exception {
		try {
			return method.invoke(this.delegate, args);
		}
		catch (InvocationTargetException ex) {
			if (ex.getCause() instanceof Exception cause) {
				throw cause;
			}
			if (ex.getCause() instanceof Error error) {
				throw error;
			}
			throw ex;
		}
	}

}
