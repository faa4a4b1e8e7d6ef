package se.scbdelivery.delivery.outcome;

import java.sql.Timestamp;
import java.time.LocalDateTime;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collection;
import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;

import org.jspecify.annotations.Nullable;

import org.springframework.batch.core.BatchStatus;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;

import se.scbdelivery.delivery.Channel;
import se.scbdelivery.delivery.DeliveryJobParameters;

/**
 * Finds deliveries' executions with one query in the job repository's tables, every
 * condition and the limit applied by the database on indexed columns (migration V3), so
 * the cost follows what is found, not how many executions the repository keeps. Spring
 * Batch's own API can only page through every job instance and read each one's newest
 * execution. The executions found are then read through the JobRepository as usual.
 */
@Component
public class DeliveryExecutions {

	/** Spring Batch's {@link BatchStatus#isRunning()} as SQL. */
	private static final String RUNNING = in(
			Arrays.stream(BatchStatus.values()).filter(BatchStatus::isRunning).map(Enum::name).toList());

	private static final String LATER = "SELECT 1 FROM BATCH_JOB_EXECUTION L"
			+ " WHERE L.JOB_INSTANCE_ID = E.JOB_INSTANCE_ID AND L.JOB_EXECUTION_ID > E.JOB_EXECUTION_ID";

	private static final String SUCCESSOR = "SELECT MIN(L.JOB_EXECUTION_ID) FROM BATCH_JOB_EXECUTION L"
			+ " WHERE L.JOB_INSTANCE_ID = E.JOB_INSTANCE_ID AND L.JOB_EXECUTION_ID > E.JOB_EXECUTION_ID";

	/**
	 * The executions of both channels' deliveries as {@code E}, with their job instance
	 * as {@code I}: the FROM and the first condition of every query of them.
	 */
	public static final String EVERY_EXECUTION = "FROM BATCH_JOB_EXECUTION E JOIN BATCH_JOB_INSTANCE I"
			+ " ON I.JOB_INSTANCE_ID = E.JOB_INSTANCE_ID WHERE I.JOB_NAME IN " + in(jobNames());

	/**
	 * Each delivery's newest execution as {@code E} (Spring Batch's last execution: the
	 * highest id), with its job instance as {@code I}.
	 */
	public static final String NEWEST_OF_EACH_DELIVERY = EVERY_EXECUTION + " AND NOT EXISTS (" + LATER + ")";

	private final JdbcTemplate jdbc;

	DeliveryExecutions(JdbcTemplate jdbc) {
		this.jdbc = jdbc;
	}

	/**
	 * An execution found, and the delivery's next execution when a later one superseded
	 * it.
	 */
	public record Found(long execution, @Nullable Long supersededBy) {
	}

	/** The executions that match, newest first, at most {@code limit}. */
	public List<Found> find(DeliveryQuery query, int limit) {
		Sql sql = new Sql();
		sql.append("SELECT E.JOB_EXECUTION_ID, ")
			.append(query.everyExecution() ? "(" + SUCCESSOR + ")" : "CAST(NULL AS BIGINT)")
			.append(" " + (query.everyExecution() ? EVERY_EXECUTION : NEWEST_OF_EACH_DELIVERY));
		if (query.since() != null) {
			// the repository keeps local times, in the zone of the process that ran the
			// job
			sql.append(" AND E.START_TIME >= ?",
					Timestamp.valueOf(LocalDateTime.ofInstant(query.since(), ZoneId.systemDefault())));
		}
		if (query.organisation() != null) {
			// the name as a literal: PostgreSQL's partial index on it (V3) serves only a
			// query that names it
			sql.append(" AND EXISTS (SELECT 1 FROM BATCH_JOB_EXECUTION_PARAMS P WHERE P.JOB_EXECUTION_ID"
					+ " = E.JOB_EXECUTION_ID AND P.PARAMETER_NAME = '" + DeliveryJobParameters.ORGANISATION
					+ "' AND P.PARAMETER_VALUE = ?)", query.organisation());
		}
		if (!query.statuses().isEmpty()) {
			Sql newest = statusOfNewest(query.statuses());
			if (query.everyExecution()) {
				// an execution a later one took over counts as SUPERSEDED, not as the
				// failure or stop it ended with: that delivery went on
				boolean superseded = query.statuses().contains(DeliveryOutcome.SUPERSEDED.name());
				sql.append(" AND ((NOT EXISTS (" + LATER + ") AND (")
					.append(newest)
					.append(")) OR (" + (superseded ? "EXISTS (" + LATER + ")" : "1 = 0") + "))");
			}
			else {
				sql.append(" AND (").append(newest).append(")");
			}
		}
		sql.append(" ORDER BY E.JOB_EXECUTION_ID DESC FETCH FIRST ? ROWS ONLY", limit);
		return this.jdbc.query(sql.text(), (row, number) -> new Found(row.getLong(1), row.getObject(2, Long.class)),
				sql.arguments());
	}

	/**
	 * The newest execution of every open delivery ({@link OpenDeliveries}) whose job
	 * status is one of these, except those that ended with one of these outcomes, newest
	 * first.
	 */
	public List<Long> newestOfOpenDeliveries(Collection<BatchStatus> statuses, Collection<DeliveryOutcome> except) {
		Sql sql = new Sql();
		// from the open deliveries: the failures later executions took over, which stay
		// FAILED for good, are never read (migration V5)
		sql.append("SELECT E.JOB_EXECUTION_ID FROM " + OpenDeliveries.TABLE + " O JOIN BATCH_JOB_EXECUTION E"
				+ " ON E.JOB_INSTANCE_ID = O.JOB_INSTANCE_ID JOIN BATCH_JOB_INSTANCE I"
				+ " ON I.JOB_INSTANCE_ID = E.JOB_INSTANCE_ID WHERE I.JOB_NAME IN " + in(jobNames())
				+ " AND NOT EXISTS (" + LATER + ")")
			.append(" AND E.STATUS IN " + in(statuses.stream().map(Enum::name).toList()))
			.append(" AND (E.EXIT_CODE IS NULL OR E.EXIT_CODE NOT IN " + in(except.stream().map(Enum::name).toList())
					+ ")")
			.append(" ORDER BY E.JOB_EXECUTION_ID DESC");
		return this.jdbc.queryForList(sql.text(), Long.class, sql.arguments());
	}

	/**
	 * The condition a delivery's newest execution meets to match {@code --status}: its
	 * job status, or its outcome as {@link DeliveryReports#of} names it without the
	 * journal (running, else its exit code; an exit code this version does not know is
	 * FAILED).
	 */
	private static Sql statusOfNewest(Set<String> words) {
		Set<String> jobStatuses = Arrays.stream(BatchStatus.values())
			.map(Enum::name)
			.filter(words::contains)
			.collect(Collectors.toSet());
		List<String> conditions = new ArrayList<>();
		Sql sql = new Sql();
		if (!jobStatuses.isEmpty()) {
			conditions.add("E.STATUS IN " + in(jobStatuses));
		}
		for (DeliveryOutcome outcome : DeliveryOutcome.values()) {
			if (!words.contains(outcome.name()) || outcome == DeliveryOutcome.SUPERSEDED) {
				continue;
			}
			if (outcome == DeliveryOutcome.RUNNING) {
				conditions.add("E.STATUS IN " + RUNNING);
			}
			else if (outcome == DeliveryOutcome.FAILED) {
				conditions.add("(E.STATUS NOT IN " + RUNNING + " AND (E.EXIT_CODE IS NULL OR E.EXIT_CODE NOT IN "
						+ in(Arrays.stream(DeliveryOutcome.values())
							.filter((known) -> known != DeliveryOutcome.FAILED)
							.map(Enum::name)
							.toList())
						+ "))");
			}
			else {
				conditions.add("(E.STATUS NOT IN " + RUNNING + " AND E.EXIT_CODE = '" + outcome.name() + "')");
			}
		}
		return sql.append(conditions.isEmpty() ? "1 = 0" : String.join(" OR ", conditions));
	}

	private static List<String> jobNames() {
		return Arrays.stream(Channel.values()).map(Channel::jobName).toList();
	}

	/**
	 * A list of SQL literals: only names of the product's own enums go in, never a
	 * person's input.
	 */
	private static String in(Collection<String> names) {
		return names.stream().map((name) -> "'" + name + "'").collect(Collectors.joining(", ", "(", ")"));
	}

	/** SQL text with its arguments, in order. */
	private static final class Sql {

		private final StringBuilder text = new StringBuilder();

		private final List<Object> arguments = new ArrayList<>();

		Sql append(String part, Object... values) {
			this.text.append(part);
			this.arguments.addAll(List.of(values));
			return this;
		}

		Sql append(Sql other) {
			this.text.append(other.text);
			this.arguments.addAll(other.arguments);
			return this;
		}

		String text() {
			return this.text.toString();
		}

		Object[] arguments() {
			return this.arguments.toArray();
		}

	}

}
