package se.scbdelivery.repository;

import java.time.LocalDateTime;
import java.util.List;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

import org.springframework.batch.core.BatchStatus;
import org.springframework.batch.core.job.JobExecution;
import org.springframework.batch.core.job.JobInstance;
import org.springframework.batch.core.job.parameters.JobParameters;
import org.springframework.batch.core.repository.JobRepository;
import org.springframework.batch.core.step.StepExecution;
import org.springframework.transaction.support.TransactionSynchronization;
import org.springframework.transaction.support.TransactionSynchronizationManager;

import static org.assertj.core.api.Assertions.assertThat;
import static org.mockito.Mockito.mock;
import static org.mockito.Mockito.never;
import static org.mockito.Mockito.times;
import static org.mockito.Mockito.verify;
import static org.mockito.Mockito.when;

/**
 * Which of Spring Batch's writes reach the job repository: a changed context always, an
 * unchanged one only when its last write may not have been committed; a running step's
 * update always, an ended step's identical second update never.
 */
class UnchangedContextWritesTest {

	private final JobRepository database = mock(JobRepository.class);

	private final JobRepository repository = UnchangedContextWrites.wrap(this.database);

	private final JobExecution job = new JobExecution(7L, new JobInstance(3L, "gdbDelivery"), new JobParameters());

	private final StepExecution step = new StepExecution(11L, "validateDelivery", this.job);

	@AfterEach
	void noTransaction() {
		if (TransactionSynchronizationManager.isSynchronizationActive()) {
			TransactionSynchronizationManager.clearSynchronization();
		}
	}

	@Test
	void anUnchangedContextIsWrittenOnceAndAChangedOneEveryTime() {
		this.repository.updateExecutionContext(this.job);
		this.repository.updateExecutionContext(this.job);
		this.repository.updateExecutionContext(this.job);
		verify(this.database, times(1)).updateExecutionContext(this.job);

		this.job.getExecutionContext().putString("scb.delivery.journal", "{}");
		this.repository.updateExecutionContext(this.job);
		verify(this.database, times(2)).updateExecutionContext(this.job);
	}

	@Test
	void aWriteWhoseTransactionRolledBackIsMadeAgain() {
		// given a context written inside a transaction that then rolls back
		this.step.getExecutionContext().putInt("fragments.next", 3);
		TransactionSynchronizationManager.initSynchronization();
		this.repository.updateExecutionContext(this.step);
		complete(TransactionSynchronization.STATUS_ROLLED_BACK);

		// when Spring Batch asks for the same write again, outside the transaction
		this.repository.updateExecutionContext(this.step);

		// then it reaches the database: what it holds is not known to be this context
		verify(this.database, times(2)).updateExecutionContext(this.step);
	}

	@Test
	void aWriteIsLeftOutOnlyOnceItsTransactionCommitted() {
		TransactionSynchronizationManager.initSynchronization();
		this.repository.updateExecutionContext(this.step);
		this.repository.updateExecutionContext(this.step);
		complete(TransactionSynchronization.STATUS_COMMITTED);
		this.repository.updateExecutionContext(this.step);

		verify(this.database, times(2)).updateExecutionContext(this.step);
	}

	@Test
	void aRunningStepIsAlwaysUpdatedAndAnEndedOneOnceForTheSameState() {
		this.step.setStatus(BatchStatus.STARTED);
		this.repository.update(this.step);
		this.repository.update(this.step);
		verify(this.database, times(2)).update(this.step);

		this.step.setStatus(BatchStatus.COMPLETED);
		this.step.setEndTime(LocalDateTime.now());
		this.repository.update(this.step);
		this.repository.update(this.step);
		verify(this.database, times(3)).update(this.step);

		this.step.setStatus(BatchStatus.FAILED);
		this.repository.update(this.step);
		verify(this.database, times(4)).update(this.step);
	}

	@Test
	void aJobInstanceThisProcessCreatedHasOnlyTheStepsItSawCreated() throws Exception {
		JobInstance created = new JobInstance(5L, "gdbDelivery");
		when(this.database.createJobInstance("gdbDelivery", new JobParameters())).thenReturn(created);
		JobExecution execution = new JobExecution(8L, created, new JobParameters());
		StepExecution validate = new StepExecution(21L, "validateDelivery", execution);
		when(this.database.createStepExecution("validateDelivery", execution)).thenReturn(validate);
		this.repository.createJobInstance("gdbDelivery", new JobParameters());

		// before its first step: nothing to ask the database
		assertThat(this.repository.getLastStepExecution(created, "validateDelivery")).isNull();
		assertThat(this.repository.getStepExecutionCount(created, "validateDelivery")).isZero();

		// a step that ran, but whose end is not known to be committed: the database knows
		// better
		this.repository.createStepExecution("validateDelivery", execution);
		this.repository.getLastStepExecution(created, "validateDelivery");
		verify(this.database, times(1)).getLastStepExecution(created, "validateDelivery");

		// once its end and context are committed, it is the answer
		validate.setStatus(BatchStatus.COMPLETED);
		validate.setEndTime(LocalDateTime.now());
		this.repository.update(validate);
		this.repository.updateExecutionContext(validate);
		assertThat(this.repository.getLastStepExecution(created, "validateDelivery")).isSameAs(validate);
		assertThat(this.repository.getStepExecutionCount(created, "validateDelivery")).isEqualTo(1);
		verify(this.database, times(1)).getLastStepExecution(created, "validateDelivery");
		verify(this.database, never()).getStepExecutionCount(created, "validateDelivery");
	}

	@Test
	void anyOtherJobInstanceIsAskedOfTheDatabase() throws Exception {
		this.repository.getLastStepExecution(this.job.getJobInstance(), "validateDelivery");
		this.repository.getStepExecutionCount(this.job.getJobInstance(), "validateDelivery");

		verify(this.database).getLastStepExecution(this.job.getJobInstance(), "validateDelivery");
		verify(this.database).getStepExecutionCount(this.job.getJobInstance(), "validateDelivery");
	}

	private static void complete(int status) {
		List<TransactionSynchronization> synchronizations = TransactionSynchronizationManager.getSynchronizations();
		TransactionSynchronizationManager.clearSynchronization();
		synchronizations.forEach((synchronization) -> synchronization.afterCompletion(status));
	}

}
