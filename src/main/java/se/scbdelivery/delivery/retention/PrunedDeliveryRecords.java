package se.scbdelivery.delivery.retention;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Types;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.Optional;

import org.jspecify.annotations.Nullable;

import org.springframework.batch.core.job.JobExecution;
import org.springframework.batch.core.repository.JobRepository;
import org.springframework.boot.sql.init.dependency.DependsOnDatabaseInitialization;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;

import se.scbdelivery.delivery.DeliveryJobParameters;
import se.scbdelivery.delivery.journal.DeliveryJournal;
import se.scbdelivery.delivery.journal.DeliveryJournals;
import se.scbdelivery.delivery.launch.PrunedDeliveries;
import se.scbdelivery.delivery.outcome.DeliveryOutcome;
import se.scbdelivery.delivery.outcome.PrunedDelivery;
import se.scbdelivery.repository.RepositoryOutages;

/**
 * The pruned-delivery records, table {@code SCB_PRUNED_DELIVERY}: one per delivery
 * {@code prune} removed whose file is not to be delivered again, keyed as its job
 * instance was (job name and Spring Batch's job key), with what a report of it needs.
 */
@Component
@DependsOnDatabaseInitialization
class PrunedDeliveryRecords implements PrunedDeliveries {

	static final String TABLE = "SCB_PRUNED_DELIVERY";

	private static final String COLUMNS = "INSTANCE_ID, EXECUTION_ID, OUTCOME, STARTED, ENDED, FILE_NAME, RECEIPT, "
			+ "FRAGMENTS, FRAGMENT_SIZE, DECISION, PRUNED_AT";

	private static final int[] ROW_TYPES = { Types.VARCHAR, Types.VARCHAR, Types.BIGINT, Types.BIGINT, Types.VARCHAR,
			Types.TIMESTAMP, Types.TIMESTAMP, Types.VARCHAR, Types.VARCHAR, Types.INTEGER, Types.INTEGER, Types.VARCHAR,
			Types.TIMESTAMP };

	private final JdbcTemplate jdbc;

	private final JobRepository jobRepository;

	private final DeliveryJournals journals;

	private final Clock clock;

	private final RepositoryOutages outages;

	PrunedDeliveryRecords(JdbcTemplate jdbc, JobRepository jobRepository, DeliveryJournals journals, Clock clock,
			RepositoryOutages outages) {
		this.jdbc = jdbc;
		this.jobRepository = jobRepository;
		this.journals = journals;
		this.clock = clock;
		this.outages = outages;
	}

	/**
	 * The record of a pruned delivery. Asked before every launch, so it rides out the job
	 * repository's outages as the launcher's other reads do (a scan during a failover
	 * once reported a file FAILED here, before anything was sent).
	 */
	@Override
	public Optional<PrunedDelivery> find(String jobName, String jobKey) {
		return this.outages.read(
				() -> this.jdbc
					.query("SELECT " + COLUMNS + " FROM " + TABLE + " WHERE JOB_NAME = ? AND JOB_KEY = ?", this::record,
							jobName, jobKey)
					.stream()
					.findFirst());
	}

	/**
	 * Keeps a record of each candidate whose file is not to be delivered again, in the
	 * caller's transaction, from its newest execution and journal (read before the
	 * deletion). Replaces an earlier record of the same delivery, should there be one.
	 * @return how many records it kept
	 */
	int keep(List<PruneCandidate> candidates) {
		LocalDateTime now = LocalDateTime.ofInstant(this.clock.instant(), ZoneId.systemDefault());
		List<Object[]> keys = new ArrayList<>();
		List<Object[]> rows = new ArrayList<>();
		for (PruneCandidate candidate : candidates) {
			if (PrunedDelivery.KEPT.contains(candidate.outcome())) {
				keys.add(new Object[] { candidate.jobName(), candidate.jobKey() });
				rows.add(row(candidate, now));
			}
		}
		this.jdbc.batchUpdate("DELETE FROM " + TABLE + " WHERE JOB_NAME = ? AND JOB_KEY = ?", keys);
		this.jdbc.batchUpdate("INSERT INTO " + TABLE + " (JOB_NAME, JOB_KEY, " + COLUMNS
				+ ") VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)", rows, ROW_TYPES);
		return rows.size();
	}

	private Object[] row(PruneCandidate candidate, LocalDateTime now) {
		JobExecution newest = this.jobRepository.getJobExecution(candidate.newestExecution());
		if (newest == null) {
			throw new IllegalStateException("execution " + candidate.newestExecution() + " of the delivery to prune "
					+ "is gone: another prune is running");
		}
		DeliveryJournal journal = this.journals.read(newest);
		String receipt = (journal.deliveryId() != null) ? journal.deliveryId() : journal.ticket();
		String fileName = Objects
			.requireNonNullElse(newest.getJobParameters().getString(DeliveryJobParameters.FILE_NAME), "");
		boolean abandoned = candidate.outcome() == DeliveryOutcome.ABANDONED;
		return new Object[] { candidate.jobName(), candidate.jobKey(), candidate.instance(),
				candidate.newestExecution(), candidate.outcome().name(), candidate.started(), candidate.ended(),
				fileName, receipt, journal.fragmentCount(), journal.fragmentSize(),
				abandoned ? candidate.exitDescription() : null, now };
	}

	private PrunedDelivery record(ResultSet rs, int row) throws SQLException {
		return new PrunedDelivery(rs.getLong("EXECUTION_ID"), rs.getLong("INSTANCE_ID"),
				DeliveryOutcome.valueOf(rs.getString("OUTCOME")), instant(rs.getObject("STARTED", LocalDateTime.class)),
				Objects.requireNonNull(instant(rs.getObject("ENDED", LocalDateTime.class))), rs.getString("FILE_NAME"),
				rs.getString("RECEIPT"), rs.getInt("FRAGMENTS"), rs.getInt("FRAGMENT_SIZE"), rs.getString("DECISION"),
				Objects.requireNonNull(instant(rs.getObject("PRUNED_AT", LocalDateTime.class))));
	}

	private static @Nullable Instant instant(@Nullable LocalDateTime time) {
		return (time != null) ? time.atZone(ZoneId.systemDefault()).toInstant() : null;
	}

}
