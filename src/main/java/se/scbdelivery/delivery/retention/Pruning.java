package se.scbdelivery.delivery.retention;

import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.LocalDateTime;
import java.time.ZoneId;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.Objects;

import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import org.springframework.stereotype.Service;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

import se.scbdelivery.delivery.launch.DeliveryLocks;

/**
 * Prunes the job repository: removes each delivery whose newest execution reached a final
 * outcome and ended longer ago than a given age, as a whole, and keeps a record of each
 * one whose file is not to be delivered again. It works in batches of
 * {@value #BATCH_SIZE} deliveries, one transaction each: a first prune of years of
 * deliveries neither holds one long transaction nor reads them all into memory, and what
 * one batch removed stays removed should a later one fail.
 */
@Service
public class Pruning {

	static final int BATCH_SIZE = 500;

	private static final Logger logger = LoggerFactory.getLogger(Pruning.class);

	private final FinalDeliveries selection;

	private final DeliveryDeletion deletion;

	private final PrunedDeliveryRecords records;

	private final ExecutionReports reports;

	private final TransactionTemplate transactions;

	private final DeliveryLocks locks;

	private final Clock clock;

	Pruning(FinalDeliveries selection, DeliveryDeletion deletion, PrunedDeliveryRecords records,
			ExecutionReports reports, DeliveryLocks locks, PlatformTransactionManager transactionManager, Clock clock) {
		this.selection = selection;
		this.deletion = deletion;
		this.records = records;
		this.reports = reports;
		this.locks = locks;
		this.transactions = new TransactionTemplate(transactionManager);
		this.clock = clock;
	}

	/**
	 * What {@link #prune} would remove and keep now; removes nothing.
	 * @throws IllegalArgumentException for an age that is not positive
	 */
	public PruneResult dryRun(Duration age) {
		LocalDateTime cutoff = cutoff(age);
		Tally totals = this.selection.totals(cutoff);
		return result(false, cutoff, totals, totals.records(), this.locks.countLapsed(age), null);
	}

	/**
	 * Removes the old deliveries with a final outcome, and with {@code deleteReports}
	 * their executions' reports.
	 * @throws IllegalArgumentException for an age that is not positive
	 */
	public PruneResult prune(Duration age, boolean deleteReports) {
		LocalDateTime cutoff = cutoff(age);
		Tally removed = new Tally();
		long records = 0;
		int reportsDeleted = 0;
		int found;
		do {
			Batch batch = Objects
				.requireNonNull(this.transactions.execute((status) -> pruneBatch(cutoff, deleteReports)));
			found = batch.candidates().size();
			batch.candidates().forEach((candidate) -> removed.addDeliveries(candidate.outcome(), 1));
			for (RemovedExecution execution : batch.executions()) {
				removed.addExecutions(1, execution.ended(), execution.ended());
			}
			records += batch.records();
			// only once the batch is committed: a report outlives its execution only if
			// this process dies in between
			reportsDeleted += this.reports.delete(batch.reports());
			if (found > 0) {
				logger.info("Pruned {} deliveries with {} executions that ended before {}", found,
						batch.executions().size(), cutoff.truncatedTo(ChronoUnit.SECONDS));
			}
		}
		while (found == BATCH_SIZE);
		int lapsed = Objects.requireNonNull(this.transactions.execute((status) -> this.locks.forgetLapsed(age)));
		if (lapsed > 0) {
			logger.info("Removed {} lease rows that lapsed more than {} ago", lapsed, age);
		}
		return result(true, cutoff, removed, records, lapsed, deleteReports ? reportsDeleted : null);
	}

	private Batch pruneBatch(LocalDateTime cutoff, boolean deleteReports) {
		List<PruneCandidate> candidates = this.selection.oldest(cutoff, BATCH_SIZE);
		if (candidates.isEmpty()) {
			return new Batch(candidates, List.of(), List.of(), 0);
		}
		List<RemovedExecution> executions = this.deletion.executionsOf(candidates);
		List<Path> reports = deleteReports ? this.reports.of(executions) : List.of();
		int records = this.records.keep(candidates);
		this.deletion.delete(candidates, executions);
		return new Batch(candidates, executions, reports, records);
	}

	private PruneResult result(boolean removed, LocalDateTime cutoff, Tally tally, long records, long lapsedLeases,
			@Nullable Integer reportsDeleted) {
		return new PruneResult(removed, cutoff, tally.deliveries(), tally.executions(), tally.oldestEnd(),
				tally.newestEnd(), records, this.selection.restartable(cutoff), this.selection.leased(cutoff),
				lapsedLeases, this.reports.dir(), reportsDeleted);
	}

	/** Old is ended before this, in local time as Spring Batch writes the end. */
	private LocalDateTime cutoff(Duration age) {
		if (age.isZero() || age.isNegative()) {
			throw new IllegalArgumentException("the age of what is pruned must be positive, not " + age);
		}
		return LocalDateTime.ofInstant(this.clock.instant().minus(age), ZoneId.systemDefault());
	}

	/** What one transaction removed. */
	private record Batch(List<PruneCandidate> candidates, List<RemovedExecution> executions, List<Path> reports,
			int records) {
	}

}
