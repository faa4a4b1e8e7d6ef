package se.scbdelivery.repository;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import org.springframework.core.io.ClassPathResource;
import org.springframework.jdbc.datasource.init.ScriptUtils;

import se.scbdelivery.simulator.ScbStandIn;
import se.scbdelivery.simulator.StandInOptions;
import se.scbdelivery.simulator.server.Faults.Call;
import se.scbdelivery.testsupport.CliResult;
import se.scbdelivery.testsupport.InProcessCli;
import se.scbdelivery.testsupport.OwnPostgresServer;
import se.scbdelivery.testsupport.PostgresTestDatabase;
import se.scbdelivery.testsupport.ProductSettings;
import se.scbdelivery.testsupport.TestFiles;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The job repository's schema comes from Flyway's migrations: a new repository is created
 * by them, one an earlier version made (Spring Batch's schema at every start, the lease
 * table by the product) is adopted without loss, an ordinary start leaves no error in the
 * database's log, and the everyday database user needs no DDL rights. On H2 files named
 * by plain URLs and on PostgreSQL.
 */
class RepositoryMigrationsTest {

	@TempDir
	Path dir;

	@Test
	void anH2RepositoryMadeBeforeMigrationsIsAdoptedWithItsDeliveries() throws Exception {
		String url = "jdbc:h2:file:" + this.dir.resolve("old/scb");
		try (Connection connection = DriverManager.getConnection(url, "sa", "")) {
			madeBeforeMigrations(connection, "h2");
		}
		adoptsWithItsDeliveries(url, "sa");
	}

	@Test
	void aPostgresRepositoryMadeBeforeMigrationsIsAdoptedWithItsDeliveries() throws Exception {
		String url = PostgresTestDatabase.fresh();
		try (Connection connection = DriverManager.getConnection(url, PostgresTestDatabase.user(), "")) {
			madeBeforeMigrations(connection, "postgresql");
		}
		adoptsWithItsDeliveries(url, PostgresTestDatabase.user());
	}

	@Test
	void aNewH2RepositoryIsMadeByTheMigrationsAndItsStartsTraceNoFailedStatements() throws Exception {
		Path folder = this.dir.resolve("new");
		String url = "jdbc:h2:file:" + folder.resolve("scb");
		try (ScbStandIn scb = ScbStandIn.start(StandInOptions.defaults().withPort(0).withPollsBeforeFinal(0))) {
			ProductSettings settings = settings(scb, url, "sa");
			assertThat(InProcessCli.run(settings, "list").exitCode()).isZero();
			assertThat(deliver(settings, file("new.xml")).exitCode()).isZero();
			assertThat(InProcessCli.run(settings, "list").out()).contains("new.xml");
		}
		try (Connection connection = DriverManager.getConnection(url, "sa", "")) {
			assertThat(history(connection)).containsExactlyElementsOf(migrations("SQL"));
		}
		// H2 writes every failed statement to <name>.trace.db
		// H2 writes every failed statement to <name>.trace.db (the version before wrote
		// about 24 KB of "already exists" there per start); under the test JVM's -ea,
		// H2's
		// own assertion in its store's compaction on close may write there too
		Path trace = folder.resolve("scb.trace.db");
		String traced = Files.exists(trace) ? Files.readString(trace) : "";
		assertThat(traced).doesNotContain("already exists").doesNotContain("JdbcSQLSyntaxErrorException");
	}

	@Test
	void ordinaryStartsLeaveNoErrorsInPostgresLogAndTheEverydayUserNeedsNoDdlRights() throws Exception {
		try (OwnPostgresServer database = OwnPostgresServer.start();
				ScbStandIn scb = ScbStandIn.start(StandInOptions.defaults().withPort(0).withPollsBeforeFinal(0))) {
			ProductSettings migrating = settings(scb, database.url(), database.user());
			assertThat(InProcessCli.run(migrating, "list").exitCode()).isZero();
			assertThat(InProcessCli.run(migrating, "list").exitCode()).isZero();
			try (Connection connection = database.connect("scb_outage");
					Statement statement = connection.createStatement()) {
				assertThat(history(connection)).containsExactlyElementsOf(migrations("SQL"));
				// what a production user is given: data, not the schema
				statement.execute("CREATE ROLE scb_app LOGIN");
				statement.execute("GRANT CONNECT ON DATABASE scb_outage TO scb_app");
				statement.execute("GRANT USAGE ON SCHEMA public TO scb_app");
				statement.execute("REVOKE CREATE ON SCHEMA public FROM PUBLIC");
				statement.execute("GRANT SELECT, INSERT, UPDATE, DELETE ON ALL TABLES IN SCHEMA public TO scb_app");
				statement.execute("GRANT USAGE, SELECT ON ALL SEQUENCES IN SCHEMA public TO scb_app");
			}
			ProductSettings everyday = settings(scb, database.url(), "scb_app");

			CliResult delivered = deliver(everyday, file("everyday.xml"));
			CliResult again = deliver(everyday, file("everyday.xml"));

			assertThat(delivered.exitCode()).as(delivered.toString()).isZero();
			assertThat(again.exitCode()).as(again.toString()).isZero();
			assertThat(again.out() + again.err()).contains("nothing sent");
			assertThat(Files.readAllLines(database.serverLog())).filteredOn((line) -> line.contains("ERROR:"))
				.isEmpty();
		}
	}

	/**
	 * A repository as the version before migrations left it: Spring Batch's schema, the
	 * lease table, and a delivery made on it.
	 */
	private void madeBeforeMigrations(Connection connection, String vendor) {
		ScriptUtils.executeSqlScript(connection,
				new ClassPathResource("org/springframework/batch/core/schema-" + vendor + ".sql"));
		try (Statement statement = connection.createStatement()) {
			statement.execute("CREATE TABLE IF NOT EXISTS SCB_DELIVERY_LOCK (NAME VARCHAR(64) NOT NULL PRIMARY KEY, "
					+ "LOCK_UNTIL TIMESTAMP(3) NOT NULL, LOCKED_AT TIMESTAMP(3) NOT NULL, LOCKED_BY VARCHAR(255) NOT NULL)");
		}
		catch (SQLException ex) {
			throw new IllegalStateException(ex);
		}
	}

	private void adoptsWithItsDeliveries(String url, String user) throws Exception {
		try (ScbStandIn scb = ScbStandIn.start(StandInOptions.defaults().withPort(0).withPollsBeforeFinal(0))) {
			Path file = file("before.xml");
			// delivered without migrations, on the schema as the version before left it;
			// this version's code also reads the pruned deliveries and writes the open
			// ones, so their tables are there meanwhile and dropped after
			try (Connection connection = DriverManager.getConnection(url, user, "");
					Statement statement = connection.createStatement()) {
				ScriptUtils.executeSqlScript(connection,
						new ClassPathResource("db/migration/common/V4__pruned_deliveries.sql"));
				statement.execute("CREATE TABLE SCB_OPEN_DELIVERY (JOB_INSTANCE_ID BIGINT NOT NULL PRIMARY KEY)");
			}
			ProductSettings unmigrated = settings(scb, url, user).with("spring.flyway.enabled", "false");
			CliResult before = deliver(unmigrated, file);
			assertThat(before.exitCode()).as(before.toString()).isZero();
			// and one that failed technically, for restart --failed to find once upgraded
			Path failing = file("failing.xml");
			scb.faults().respond(Call.COMPLETION, null, Integer.MAX_VALUE, 503);
			CliResult failed = deliver(unmigrated.with("scb.http.max-attempts", 1), failing);
			scb.faults().clear();
			assertThat(failed.exitCode()).as(failed.toString()).isEqualTo(1);
			try (Connection connection = DriverManager.getConnection(url, user, "");
					Statement statement = connection.createStatement()) {
				statement.execute("DROP TABLE SCB_PRUNED_DELIVERY");
				statement.execute("DROP TABLE SCB_OPEN_DELIVERY");
			}
			int fragments = scb.fragments().size();

			ProductSettings upgraded = settings(scb, url, user);
			CliResult list = InProcessCli.run(upgraded, "list", "--json");
			CliResult again = deliver(upgraded, file);

			assertThat(list.out()).contains("\"execution\" : " + before.execution()).contains("before.xml");
			assertThat(again.exitCode()).as(again.toString()).isZero();
			assertThat(again.out() + again.err()).contains("was delivered by execution " + before.execution())
				.contains("nothing sent");
			assertThat(scb.fragments()).as("nothing delivered twice").hasSize(fragments);

			// migration V5 found the failed delivery open: restart --failed resumes it,
			// and the delivered one stays delivered
			CliResult restart = InProcessCli.run(upgraded, "restart", "--failed");

			assertThat(restart.exitCode()).as(restart.toString()).isZero();
			assertThat(restart.out()).contains("1 file: 1 LOADED").contains("failing.xml").doesNotContain("before.xml");
			try (Connection connection = DriverManager.getConnection(url, user, "");
					Statement statement = connection.createStatement();
					var open = statement.executeQuery("SELECT COUNT(*) FROM SCB_OPEN_DELIVERY")) {
				open.next();
				assertThat(open.getInt(1)).as("open deliveries once both loaded").isZero();
			}
		}
		try (Connection connection = DriverManager.getConnection(url, user, "")) {
			assertThat(history(connection)).containsExactlyElementsOf(migrations("BASELINE"));
		}
	}

	/**
	 * Every migration the product ships, as the history should hold them: version 1 of
	 * the given type, the rest applied as SQL.
	 */
	private static List<String> migrations(String firstType) throws IOException {
		List<Integer> versions = new ArrayList<>();
		for (String folder : List.of("db/migration/common", "db/migration/h2")) {
			try (Stream<Path> files = Files.list(new ClassPathResource(folder).getFile().toPath())) {
				files.map((file) -> file.getFileName().toString())
					.forEach((name) -> versions.add(Integer.parseInt(name.substring(1, name.indexOf("__")))));
			}
		}
		return versions.stream()
			.sorted()
			.map((version) -> version + " " + ((version == 1) ? firstType : "SQL"))
			.toList();
	}

	/**
	 * The versions applied (Flyway's own rows, such as the history's creation, aside).
	 */
	private static List<String> history(Connection connection) throws SQLException {
		List<String> rows = new ArrayList<>();
		try (Statement statement = connection.createStatement();
				var result = statement.executeQuery("SELECT \"version\", \"type\", \"success\" FROM "
						+ "\"flyway_schema_history\" WHERE \"version\" IS NOT NULL ORDER BY \"installed_rank\"")) {
			while (result.next()) {
				assertThat(result.getBoolean(3)).as("migration " + result.getString(1) + " succeeded").isTrue();
				rows.add(result.getString(1) + " " + result.getString(2));
			}
		}
		return rows;
	}

	private Path file(String name) {
		Path existing = this.dir.resolve("files").resolve(name);
		return Files.exists(existing) ? existing : TestFiles.xml(this.dir.resolve("files"), name, 1_500, null);
	}

	private ProductSettings settings(ScbStandIn scb, String url, String user) {
		return ProductSettings.standard(RepositoryMigrationsTest.class, this.dir)
			.standIn(scb)
			.jobRepositoryUrl(url)
			.with("spring.datasource.username", user)
			.with("spring.datasource.password", "");
	}

	private static CliResult deliver(ProductSettings settings, Path file) {
		return InProcessCli.run(settings, "deliver", "--file", file.toString(), "--org", "999000-0045", "--program",
				"VINN", "--period", "2024-06-30", "--format", "V40");
	}

}
