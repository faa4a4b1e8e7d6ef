package se.scbdelivery.delivery.retention;

import java.time.LocalDateTime;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;

import org.springframework.jdbc.core.namedparam.MapSqlParameterSource;
import org.springframework.jdbc.core.namedparam.NamedParameterJdbcTemplate;
import org.springframework.stereotype.Component;

/**
 * The deletion: removes pruned deliveries from the job repository as a whole, in the
 * caller's transaction and in the order Spring Batch's foreign keys need: step execution
 * contexts, step executions, job execution contexts, parameters, job executions, then the
 * instances. Their leases' rows stay until they lapsed longer ago than the prune's age
 * ({@link se.scbdelivery.delivery.launch.DeliveryLocks#forgetLapsed}): ShedLock remembers
 * in each process which lock rows it has seen and only updates those, so a process that
 * had taken a delivery's lease just before the prune could not take it again once its row
 * were gone.
 */
@Component
class DeliveryDeletion {

	/** Ids per statement: well below what either database takes as bind parameters. */
	private static final int IDS_PER_STATEMENT = 1000;

	private final NamedParameterJdbcTemplate jdbc;

	DeliveryDeletion(NamedParameterJdbcTemplate jdbc) {
		this.jdbc = jdbc;
	}

	/**
	 * The executions of the candidates' instances, up to the newest one the selection saw
	 * of each: one created since (a process that took the lease after the selection) is
	 * not among them, so deleting its instance fails and the transaction rolls back,
	 * leaving that delivery whole.
	 */
	List<RemovedExecution> executionsOf(List<PruneCandidate> candidates) {
		Map<Long, Long> newest = candidates.stream()
			.collect(Collectors.toMap(PruneCandidate::instance, PruneCandidate::newestExecution));
		return chunks(List.copyOf(newest.keySet())).stream()
			.flatMap((instances) -> this.jdbc
				.query("SELECT JOB_INSTANCE_ID, JOB_EXECUTION_ID, END_TIME FROM BATCH_JOB_EXECUTION "
						+ "WHERE JOB_INSTANCE_ID IN (:ids)", new MapSqlParameterSource("ids", instances),
						(rs, row) -> new RemovedExecution(rs.getLong(1), rs.getLong(2),
								rs.getObject(3, LocalDateTime.class)))
				.stream())
			.filter((execution) -> execution.execution() <= newest.getOrDefault(execution.instance(), -1L))
			.toList();
	}

	/** Deletes the candidates' deliveries with these executions of theirs. */
	void delete(List<PruneCandidate> candidates, List<RemovedExecution> executions) {
		List<Long> executionIds = executions.stream().map(RemovedExecution::execution).toList();
		update("DELETE FROM BATCH_STEP_EXECUTION_CONTEXT WHERE STEP_EXECUTION_ID IN (SELECT STEP_EXECUTION_ID "
				+ "FROM BATCH_STEP_EXECUTION WHERE JOB_EXECUTION_ID IN (:ids))", executionIds);
		update("DELETE FROM BATCH_STEP_EXECUTION WHERE JOB_EXECUTION_ID IN (:ids)", executionIds);
		update("DELETE FROM BATCH_JOB_EXECUTION_CONTEXT WHERE JOB_EXECUTION_ID IN (:ids)", executionIds);
		update("DELETE FROM BATCH_JOB_EXECUTION_PARAMS WHERE JOB_EXECUTION_ID IN (:ids)", executionIds);
		update("DELETE FROM BATCH_JOB_EXECUTION WHERE JOB_EXECUTION_ID IN (:ids)", executionIds);
		// a final delivery is closed already; a row left by a process that died between
		// its end and the close goes with it
		update("DELETE FROM SCB_OPEN_DELIVERY WHERE JOB_INSTANCE_ID IN (:ids)",
				candidates.stream().map(PruneCandidate::instance).toList());
		update("DELETE FROM BATCH_JOB_INSTANCE WHERE JOB_INSTANCE_ID IN (:ids)",
				candidates.stream().map(PruneCandidate::instance).toList());
	}

	private void update(String sql, List<Long> ids) {
		for (List<Long> chunk : chunks(ids)) {
			this.jdbc.update(sql, new MapSqlParameterSource("ids", chunk));
		}
	}

	static List<List<Long>> chunks(List<Long> ids) {
		List<List<Long>> chunks = new ArrayList<>();
		for (int from = 0; from < ids.size(); from += IDS_PER_STATEMENT) {
			chunks.add(ids.subList(from, Math.min(ids.size(), from + IDS_PER_STATEMENT)));
		}
		return chunks;
	}

}
