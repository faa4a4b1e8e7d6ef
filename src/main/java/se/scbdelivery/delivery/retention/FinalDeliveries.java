package se.scbdelivery.delivery.retention;

import java.time.LocalDateTime;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.stream.Collectors;

import org.jspecify.annotations.Nullable;

import org.springframework.batch.core.BatchStatus;
import org.springframework.jdbc.core.RowCallbackHandler;
import org.springframework.jdbc.core.namedparam.MapSqlParameterSource;
import org.springframework.jdbc.core.namedparam.NamedParameterJdbcTemplate;
import org.springframework.stereotype.Component;

import se.scbdelivery.delivery.launch.DeliveryLocks;
import se.scbdelivery.delivery.outcome.DeliveryExecutions;
import se.scbdelivery.delivery.outcome.DeliveryOutcome;

/**
 * The selection: which deliveries of either channel {@code prune} removes, in SQL in the
 * database (by the end-time index of migration V3), never by loading job instances. A
 * delivery is old and final when its newest execution (the one with the highest id, as
 * Spring Batch's {@code getLastJobExecution} takes it) ended before the cut-off with a
 * final outcome; it is left out while a live process holds its lease.
 */
@Component
class FinalDeliveries {

	/**
	 * The final outcomes by the job status they end with: SCB's verdict (COMPLETED), a
	 * refused file or bad input (FAILED, but running it again gets the same answer), a
	 * person's decision (ABANDONED). Anything else may still be restarted.
	 */
	static final Map<BatchStatus, Set<DeliveryOutcome>> FINAL = Map.of(BatchStatus.COMPLETED,
			Set.of(DeliveryOutcome.LOADED, DeliveryOutcome.LOADED_WITH_ERRORS, DeliveryOutcome.NOT_LOADED),
			BatchStatus.FAILED, Set.of(DeliveryOutcome.REFUSED, DeliveryOutcome.INVALID_INPUT), BatchStatus.ABANDONED,
			Set.of(DeliveryOutcome.ABANDONED));

	private static final String FROM = DeliveryExecutions.NEWEST_OF_EACH_DELIVERY;

	private static final String IS_FINAL = FINAL.entrySet()
		.stream()
		.map((status) -> "(E.STATUS = '" + status.getKey().name() + "' AND COALESCE(E.EXIT_CODE, '') IN ("
				+ status.getValue().stream().map((o) -> "'" + o.name() + "'").sorted().collect(Collectors.joining(", "))
				+ "))")
		.sorted()
		.collect(Collectors.joining(" OR ", "(", ")"));

	private static final String OLD_AND_FINAL = FROM + " AND E.END_TIME < :cutoff AND " + IS_FINAL;

	private final NamedParameterJdbcTemplate jdbc;

	private final String held;

	FinalDeliveries(NamedParameterJdbcTemplate jdbc, DeliveryLocks locks) {
		this.jdbc = jdbc;
		this.held = locks.heldCondition("I.JOB_KEY");
	}

	/**
	 * The deliveries to prune that ended first, at most {@code limit} of them: old,
	 * final, and no live process holding their lease.
	 */
	List<PruneCandidate> oldest(LocalDateTime cutoff, int limit) {
		return this.jdbc.query(
				"SELECT I.JOB_INSTANCE_ID, I.JOB_NAME, I.JOB_KEY, E.JOB_EXECUTION_ID, E.EXIT_CODE, "
						+ "E.START_TIME, E.END_TIME, E.EXIT_MESSAGE " + OLD_AND_FINAL + " AND NOT " + this.held
						+ " ORDER BY E.END_TIME, E.JOB_EXECUTION_ID FETCH FIRST " + limit + " ROWS ONLY",
				parameters(cutoff),
				(rs, row) -> new PruneCandidate(rs.getLong(1), rs.getString(2), rs.getString(3), rs.getLong(4),
						DeliveryOutcome.valueOf(rs.getString(5)), rs.getObject(6, LocalDateTime.class),
						rs.getObject(7, LocalDateTime.class), rs.getString(8)));
	}

	/**
	 * What pruning now would remove: the deliveries by outcome, with all their
	 * executions.
	 */
	Tally totals(LocalDateTime cutoff) {
		Tally totals = new Tally();
		this.jdbc.query("SELECT C.EXIT_CODE, COUNT(DISTINCT C.JOB_INSTANCE_ID), COUNT(*), MIN(A.END_TIME), "
				+ "MAX(A.END_TIME) FROM (SELECT E.JOB_INSTANCE_ID, E.EXIT_CODE " + OLD_AND_FINAL + " AND NOT "
				+ this.held + ") C JOIN BATCH_JOB_EXECUTION A ON A.JOB_INSTANCE_ID = C.JOB_INSTANCE_ID "
				+ "GROUP BY C.EXIT_CODE", parameters(cutoff), (rs) -> {
					totals.addDeliveries(DeliveryOutcome.valueOf(rs.getString(1)), rs.getLong(2));
					totals.addExecutions(rs.getLong(3), rs.getObject(4, LocalDateTime.class),
							rs.getObject(5, LocalDateTime.class));
				});
		return totals;
	}

	/**
	 * How many old, final deliveries are left alone because a live process holds them.
	 */
	long leased(LocalDateTime cutoff) {
		Long count = this.jdbc.queryForObject("SELECT COUNT(*) " + OLD_AND_FINAL + " AND " + this.held,
				parameters(cutoff), Long.class);
		return (count != null) ? count : 0;
	}

	/**
	 * The old deliveries kept because they may still be restarted, by what {@code list}
	 * calls their newest execution: FAILED, STOPPED, WAITING, UNKNOWN, RUNNING. Old means
	 * ended before the cut-off, or, for one still running, started before it.
	 */
	Map<String, Long> restartable(LocalDateTime cutoff) {
		Map<String, Long> kept = new TreeMap<>();
		this.jdbc.query(
				"SELECT E.STATUS, E.EXIT_CODE, COUNT(*) " + FROM + " AND NOT " + IS_FINAL
						+ " AND (E.END_TIME < :cutoff OR (E.END_TIME IS NULL AND COALESCE(E.START_TIME, E.CREATE_TIME) "
						+ "< :cutoff)) GROUP BY E.STATUS, E.EXIT_CODE",
				parameters(cutoff), (RowCallbackHandler) (rs) -> kept.merge(label(rs.getString(1), rs.getString(2)),
						rs.getLong(3), Long::sum));
		return kept;
	}

	private static String label(String status, @Nullable String exitCode) {
		BatchStatus batchStatus = BatchStatus.valueOf(status);
		if (batchStatus.isRunning()) {
			return DeliveryOutcome.RUNNING.name();
		}
		if (batchStatus == BatchStatus.STOPPED) {
			return DeliveryOutcome.WAITING.name().equals(exitCode) ? DeliveryOutcome.WAITING.name()
					: DeliveryOutcome.STOPPED.name();
		}
		return (batchStatus == BatchStatus.FAILED || batchStatus == BatchStatus.UNKNOWN || exitCode == null)
				? batchStatus.name() : exitCode;
	}

	private static MapSqlParameterSource parameters(LocalDateTime cutoff) {
		return new MapSqlParameterSource("cutoff", cutoff);
	}

}
