package se.scbdelivery.repository;

import java.sql.Connection;
import java.sql.DatabaseMetaData;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.Locale;

import javax.sql.DataSource;

import org.flywaydb.core.Flyway;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import org.springframework.boot.flyway.autoconfigure.FlywayMigrationStrategy;
import org.springframework.jdbc.datasource.DataSourceUtils;
import org.springframework.stereotype.Component;

import se.scbdelivery.config.ConsoleLogFilter;

/**
 * Brings the job repository's schema up to date at start (Flyway: db/migration/common,
 * what is the same SQL on H2 and PostgreSQL, and db/migration/<vendor>). A repository
 * that an earlier version of the product made, before migrations, holds Spring Batch's
 * tables but no migration history: it is adopted as version 1, what those tables are, and
 * migrated from there, so its deliveries stay where they are. Flyway's own "baseline on
 * migrate" is not used: it would also take a schema that holds some other tables, but not
 * Spring Batch's, for version 1, and never create them.
 */
@Component
class RepositoryMigrations implements FlywayMigrationStrategy {

	private static final Logger logger = LoggerFactory.getLogger(RepositoryMigrations.class);

	/** The first of Spring Batch's tables; V1 creates it. */
	private static final String SPRING_BATCH_TABLE = "BATCH_JOB_INSTANCE";

	@Override
	public void migrate(Flyway flyway) {
		DataSource dataSource = flyway.getConfiguration().getDataSource();
		if (!hasTable(dataSource, flyway.getConfiguration().getTable()) && hasTable(dataSource, SPRING_BATCH_TABLE)) {
			// the log's: the console of the command that happens to start first is not
			// the place
			logger.info(ConsoleLogFilter.FILE_ONLY,
					"The job repository was created before migrations: adopting its schema as version 1 and "
							+ "migrating it from there; its deliveries stay as they are");
			Flyway.configure()
				.configuration(flyway.getConfiguration())
				.baselineVersion("1")
				.baselineDescription("adopted: created before migrations")
				.load()
				.baseline();
		}
		flyway.migrate();
	}

	/**
	 * Whether the connection's current schema has the table, asked of the driver's
	 * metadata: a query of a missing table would be an error in the database's log.
	 */
	private static boolean hasTable(DataSource dataSource, String table) {
		// Spring's connection: a database that cannot be reached is a
		// DataAccessResourceFailureException, as the start-up refusal expects
		Connection connection = DataSourceUtils.getConnection(dataSource);
		try {
			DatabaseMetaData metadata = connection.getMetaData();
			try (ResultSet tables = metadata.getTables(connection.getCatalog(), connection.getSchema(), null,
					new String[] { "TABLE" })) {
				while (tables.next()) {
					if (tables.getString("TABLE_NAME")
						.toUpperCase(Locale.ROOT)
						.equals(table.toUpperCase(Locale.ROOT))) {
						return true;
					}
				}
				return false;
			}
		}
		catch (SQLException ex) {
			throw new IllegalStateException("Could not read the job repository's tables: " + ex.getMessage(), ex);
		}
		finally {
			DataSourceUtils.releaseConnection(connection, dataSource);
		}
	}

}
