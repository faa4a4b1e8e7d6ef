package se.scbdelivery.delivery.retention;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import org.springframework.batch.core.job.parameters.JobParametersBuilder;
import org.springframework.jdbc.core.RowCallbackHandler;
import org.springframework.jdbc.core.namedparam.MapSqlParameterSource;
import org.springframework.jdbc.core.namedparam.NamedParameterJdbcTemplate;
import org.springframework.stereotype.Component;

import se.scbdelivery.config.ScbProperties;
import se.scbdelivery.delivery.DeliveryJobParameters;
import se.scbdelivery.delivery.outcome.DeliveryReportWriter;

/**
 * The report files of pruned executions in {@code scb.report.dir}, named as
 * {@link DeliveryReportWriter} names them: each execution's own, never a scan's summary
 * nor another execution's.
 */
@Component
class ExecutionReports {

	private static final Logger logger = LoggerFactory.getLogger(ExecutionReports.class);

	/** The parameters a report's name is made of. */
	private static final List<String> NAMED_BY = List.of(DeliveryJobParameters.API, DeliveryJobParameters.ORGANISATION,
			DeliveryJobParameters.PROGRAM, DeliveryJobParameters.PERIOD, DeliveryJobParameters.CONTRACT);

	private final NamedParameterJdbcTemplate jdbc;

	private final Path dir;

	ExecutionReports(NamedParameterJdbcTemplate jdbc, ScbProperties properties) {
		this.jdbc = jdbc;
		this.dir = properties.report().dir();
	}

	Path dir() {
		return this.dir;
	}

	/**
	 * The reports these executions wrote, or would have: read from their parameters,
	 * before the deletion.
	 */
	List<Path> of(List<RemovedExecution> executions) {
		Map<Long, JobParametersBuilder> parameters = new LinkedHashMap<>();
		for (List<Long> chunk : DeliveryDeletion
			.chunks(executions.stream().map(RemovedExecution::execution).toList())) {
			this.jdbc.query(
					"SELECT JOB_EXECUTION_ID, PARAMETER_NAME, PARAMETER_VALUE FROM BATCH_JOB_EXECUTION_PARAMS "
							+ "WHERE JOB_EXECUTION_ID IN (:ids) AND PARAMETER_NAME IN (:names)",
					new MapSqlParameterSource("ids", chunk).addValue("names", NAMED_BY),
					(RowCallbackHandler) (rs) -> parameters
						.computeIfAbsent(rs.getLong(1), (id) -> new JobParametersBuilder())
						.addString(rs.getString(2), rs.getString(3)));
		}
		List<Path> reports = new ArrayList<>();
		parameters.forEach((execution, builder) -> reports
			.add(this.dir.resolve(DeliveryReportWriter.fileName(execution, builder.toJobParameters()))));
		return reports;
	}

	/**
	 * Deletes those of the reports that are there.
	 * @return how many it deleted
	 */
	int delete(List<Path> reports) {
		int deleted = 0;
		for (Path report : reports) {
			try {
				if (Files.deleteIfExists(report)) {
					deleted++;
				}
			}
			catch (IOException ex) {
				logger.warn("Could not delete the report {} of a pruned execution: {}", report, ex.getMessage(), ex);
			}
		}
		return deleted;
	}

}
