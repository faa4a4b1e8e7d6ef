package se.scbdelivery.scan;

import java.io.IOException;
import java.net.ServerSocket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.List;

import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import se.scbdelivery.testsupport.CliResult;
import se.scbdelivery.testsupport.InProcessCli;
import se.scbdelivery.testsupport.PostgresTestDatabase;
import se.scbdelivery.testsupport.ProductSettings;
import se.scbdelivery.testsupport.TestFiles;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The end of the newest scan without a technical failure, as the job repository keeps it
 * for the metric an operator alerts on: a clean scan writes it, a failed one leaves it,
 * on an H2 file named by a plain URL as a user writes it and on PostgreSQL.
 */
class CleanScansTest {

	@TempDir
	Path dir;

	@ParameterizedTest
	@ValueSource(strings = { "h2", "postgresql" })
	void aCleanScanIsRecordedAndAFailedOneLeavesIt(String database) throws Exception {
		String url = database.equals("h2") ? "jdbc:h2:file:" + this.dir.resolve("repository")
				: PostgresTestDatabase.fresh();
		String user = database.equals("h2") ? "sa" : PostgresTestDatabase.user();
		ProductSettings settings = ProductSettings.standard(CleanScansTest.class, this.dir)
			.jobRepositoryUrl(url)
			.with("spring.datasource.username", user)
			.with("spring.datasource.password", "")
			.gdbBaseUrl("http://127.0.0.1:" + closedPort() + "/m2m/v2/")
			.httpMaxAttempts(1);
		Path inbox = Files.createDirectories(this.dir.resolve("inbox"));

		Instant before = Instant.now();
		CliResult empty = InProcessCli.run(settings, "scan", inbox.toString());
		Instant after = Instant.now();

		assertThat(empty.exitCode()).as(empty.toString()).isZero();
		List<Row> clean = rows(url, user);
		assertThat(clean).singleElement().satisfies((row) -> {
			assertThat(row.inbox()).isEqualTo(inbox.toAbsolutePath().normalize().toString());
			assertThat(row.endedAt()).isBetween(before.minusMillis(1), after);
		});

		// SCB cannot be reached: the file fails technically
		TestFiles.xml(inbox.resolve("999000-0045/VINN/2026-09-30/V40"), "a.xml", 600, null);
		CliResult failed = InProcessCli.run(settings, "scan", inbox.toString());

		assertThat(failed.exitCode()).as(failed.toString()).isEqualTo(1);
		assertThat(rows(url, user)).isEqualTo(clean);
	}

	private static int closedPort() throws IOException {
		try (ServerSocket socket = new ServerSocket(0)) {
			return socket.getLocalPort();
		}
	}

	private static List<Row> rows(String url, String user) throws SQLException {
		List<Row> rows = new ArrayList<>();
		try (Connection connection = DriverManager.getConnection(url, user, "");
				PreparedStatement select = connection.prepareStatement("SELECT INBOX, ENDED_AT FROM SCB_CLEAN_SCAN");
				ResultSet result = select.executeQuery()) {
			while (result.next()) {
				rows.add(new Row(result.getString(1), result.getObject(2, OffsetDateTime.class).toInstant()));
			}
		}
		return rows;
	}

	private record Row(String inbox, Instant endedAt) {
	}

}
