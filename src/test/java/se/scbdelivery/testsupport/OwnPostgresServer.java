package se.scbdelivery.testsupport;

import java.io.IOException;
import java.net.ServerSocket;
import java.nio.charset.StandardCharsets;
import java.nio.file.DirectoryStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.Paths;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;

import org.junit.jupiter.api.Assumptions;

/**
 * A PostgreSQL server of a test's own, on a free port, made with the machine's
 * {@code initdb} and run with its {@code pg_ctl} as the {@code postgres} user, so that
 * the test may stop it the hard way ({@code -m immediate}, as a crash or a failover does)
 * and start it again. The machine's own server is never touched. Under CI a missing
 * PostgreSQL installation fails the test; elsewhere it is skipped, saying why.
 */
public final class OwnPostgresServer implements AutoCloseable {

	private final Path bin;

	private final Path dataDir;

	private final Path socketDir;

	private final int port;

	private OwnPostgresServer(Path bin, Path dataDir, Path socketDir, int port) {
		this.bin = bin;
		this.dataDir = dataDir;
		this.socketDir = socketDir;
		this.port = port;
	}

	/** Creates a cluster in a fresh folder and starts it. */
	public static OwnPostgresServer start() {
		Path bin = installedBin();
		try {
			Path root = Files.createTempDirectory("scb-own-pg-");
			Path data = root.resolve("data");
			Path sockets = root.resolve("sockets");
			Files.createDirectories(sockets);
			run(List.of("chown", "-R", "postgres:postgres", root.toString()), false);
			run(asPostgres(bin.resolve("initdb").toString(), "-D", data.toString(), "-A", "trust", "-U", "postgres",
					"--no-sync", "-E", "UTF8"), false);
			OwnPostgresServer server = new OwnPostgresServer(bin, data, sockets, freePort());
			server.startAgain();
			try (Connection connection = server.connect("postgres");
					java.sql.Statement statement = connection.createStatement()) {
				statement.execute("CREATE DATABASE scb_outage");
			}
			return server;
		}
		catch (IOException | SQLException ex) {
			throw new IllegalStateException("could not start a PostgreSQL server of the test's own: " + ex.getMessage(),
					ex);
		}
	}

	/** The JDBC URL of the test's database, as a user writes it. */
	public String url() {
		return "jdbc:postgresql://127.0.0.1:" + this.port + "/scb_outage";
	}

	public String user() {
		return "postgres";
	}

	/**
	 * Stops the server at once, without a checkpoint: the way a crash or failover does.
	 */
	public void stopImmediately() {
		run(asPostgres(this.bin.resolve("pg_ctl").toString(), "-D", this.dataDir.toString(), "-m", "immediate", "-w",
				"stop"), false);
	}

	/** Starts the stopped server again, on the same port; returns once it accepts. */
	public void startAgain() {
		run(asPostgres(this.bin.resolve("pg_ctl").toString(), "-D", this.dataDir.toString(), "-w", "-t", "60", "-l",
				this.dataDir.resolveSibling("server.log").toString(), "-o", "-p " + this.port + " -k " + this.socketDir
						+ " -c listen_addresses=127.0.0.1 -c fsync=off" + " -c max_connections=100",
				"start"), false);
	}

	/** The server's own log: what it said about every statement that failed. */
	public Path serverLog() {
		return this.dataDir.resolveSibling("server.log");
	}

	public Connection connect(String database) throws SQLException {
		return DriverManager.getConnection("jdbc:postgresql://127.0.0.1:" + this.port + "/" + database, "postgres", "");
	}

	@Override
	public void close() {
		run(asPostgres(this.bin.resolve("pg_ctl").toString(), "-D", this.dataDir.toString(), "-m", "immediate", "-w",
				"stop"), true);
		try (Stream<Path> files = Files.walk(this.dataDir.getParent())) {
			files.sorted(Comparator.reverseOrder()).forEach((path) -> path.toFile().delete());
		}
		catch (IOException ex) {
			System.err.println("could not remove " + this.dataDir.getParent() + ": " + ex.getMessage());
		}
	}

	private static Path installedBin() {
		Path lib = Paths.get("/usr/lib/postgresql");
		List<Path> versions = new ArrayList<>();
		if (Files.isDirectory(lib)) {
			try (DirectoryStream<Path> dirs = Files.newDirectoryStream(lib)) {
				dirs.forEach((dir) -> {
					if (Files.isExecutable(dir.resolve("bin/pg_ctl"))) {
						versions.add(dir.resolve("bin"));
					}
				});
			}
			catch (IOException ex) {
				throw new IllegalStateException(ex);
			}
		}
		if (versions.isEmpty()) {
			String reason = "no PostgreSQL server installation under /usr/lib/postgresql (initdb, pg_ctl)";
			if ("true".equals(System.getenv("CI"))) {
				throw new IllegalStateException(reason + ": required under CI");
			}
			Assumptions.abort(reason);
		}
		versions.sort(Comparator.naturalOrder());
		return versions.get(versions.size() - 1);
	}

	/** A command as the postgres user: PostgreSQL refuses to run as root. */
	private static List<String> asPostgres(String... command) {
		List<String> full = new ArrayList<>();
		if ("root".equals(System.getProperty("user.name"))) {
			full.addAll(List.of("runuser", "-u", "postgres", "--"));
		}
		full.addAll(List.of(command));
		return full;
	}

	private static void run(List<String> command, boolean quiet) {
		if (command.get(0).equals("chown") && !"root".equals(System.getProperty("user.name"))) {
			return;
		}
		try {
			Process process = new ProcessBuilder(command).redirectErrorStream(true).start();
			byte[] output = process.getInputStream().readAllBytes();
			if (!process.waitFor(120, TimeUnit.SECONDS)) {
				process.destroyForcibly();
				throw new IllegalStateException("timed out: " + String.join(" ", command));
			}
			if (process.exitValue() != 0 && !quiet) {
				throw new IllegalStateException(String.join(" ", command) + " exited " + process.exitValue() + ": "
						+ new String(output, StandardCharsets.UTF_8));
			}
		}
		catch (IOException ex) {
			throw new IllegalStateException("could not run " + command.get(0) + ": " + ex.getMessage(), ex);
		}
		catch (InterruptedException ex) {
			Thread.currentThread().interrupt();
			throw new IllegalStateException(ex);
		}
	}

	private static int freePort() throws IOException {
		try (ServerSocket socket = new ServerSocket(0)) {
			return socket.getLocalPort();
		}
	}

}
