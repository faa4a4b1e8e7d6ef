package se.scbdelivery.testsupport;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.LocalDateTime;
import java.time.format.DateTimeFormatter;
import java.util.concurrent.ThreadLocalRandom;

import org.junit.jupiter.api.Assumptions;

/**
 * A fresh PostgreSQL database for one test JVM, on the server at {@code 127.0.0.1:5432}
 * (user {@code postgres}, trust authentication), dropped when the JVM ends. Under CI
 * ({@code CI=true}) or {@code -Dscbtest.postgres=required} an unreachable server fails
 * the tests; elsewhere they are skipped, and the skip says why.
 */
public final class PostgresTestDatabase {

	private static final String SERVER = System.getProperty("scbtest.postgres.server", "127.0.0.1:5432");

	private static final String USER = "postgres";

	private static String url;

	private PostgresTestDatabase() {
	}

	/** The JDBC URL of this JVM's fresh database, created on first use. */
	public static synchronized String url() {
		if (url == null) {
			url = fresh();
		}
		return url;
	}

	/**
	 * The JDBC URL of a new database of its own, for a test that must see no other test's
	 * deliveries; dropped when the JVM ends.
	 */
	public static String fresh() {
		String name = "scb_test_" + LocalDateTime.now().format(DateTimeFormatter.ofPattern("yyyyMMdd_HHmmss")) + "_"
				+ Integer.toHexString(ThreadLocalRandom.current().nextInt(0x1000, 0xffff));
		try (Connection admin = admin(); Statement statement = admin.createStatement()) {
			statement.execute("CREATE DATABASE " + name);
		}
		catch (SQLException ex) {
			boolean required = "true".equals(System.getenv("CI"))
					|| "required".equals(System.getProperty("scbtest.postgres"));
			if (required) {
				throw new IllegalStateException("PostgreSQL at " + SERVER + " is required here but: " + ex.getMessage(),
						ex);
			}
			Assumptions.abort("PostgreSQL at " + SERVER + " cannot be reached (" + ex.getMessage()
					+ "); these tests run where it can, and always under CI");
		}
		Runtime.getRuntime().addShutdownHook(new Thread(() -> drop(name)));
		return "jdbc:postgresql://" + SERVER + "/" + name;
	}

	public static String user() {
		return USER;
	}

	private static Connection admin() throws SQLException {
		return DriverManager.getConnection("jdbc:postgresql://" + SERVER + "/postgres", USER, "");
	}

	private static void drop(String name) {
		try (Connection admin = admin(); Statement statement = admin.createStatement()) {
			statement.execute("DROP DATABASE IF EXISTS " + name + " WITH (FORCE)");
		}
		catch (SQLException ex) {
			System.err.println("could not drop test database " + name + ": " + ex.getMessage());
		}
	}

}
