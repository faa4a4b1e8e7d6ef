package se.scbdelivery.cli;

import java.io.IOException;
import java.io.InputStream;
import java.io.Reader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Blob;
import java.sql.Clob;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.ResultSetMetaData;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import se.scbdelivery.cli.Leaks.Needle;
import se.scbdelivery.cli.Leaks.Place;
import se.scbdelivery.simulator.ScbStandIn;
import se.scbdelivery.simulator.StandInOptions;
import se.scbdelivery.simulator.server.Faults;
import se.scbdelivery.testsupport.ChildJvm;
import se.scbdelivery.testsupport.CliResult;
import se.scbdelivery.testsupport.InProcessCli;
import se.scbdelivery.testsupport.ProductSettings;
import se.scbdelivery.testsupport.TestFiles;
import se.scbdelivery.testsupport.TestPki;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Passwords come from a file, an environment variable (as a Kubernetes Secret gives them)
 * or a property, and never reach a console, a log line, a report, an exception message,
 * {@code list} output or the job repository. Each command runs in a JVM of its own, so
 * logging is set up as in production, at DEBUG (TRACE for the program's own loggers),
 * against an HTTPS stand-in that requires the client certificate. Successful, failing and
 * restarted deliveries, {@code list} and {@code heartbeat} then leave their traces, and
 * every trace is searched for both passwords (and a wrong one) in every form they could
 * take.
 */
class SecretsNeverLeakTest {

	/*
	 * ASCII only, but for nothing else ordinary: the JDK's PKCS12 key store refuses a
	 * password that is not ASCII ("Password is not ASCII", from PBEKey), so
	 * "Hemlig-Lösen" cannot open any key store on Java 17. The space, '+', '/', '&' and
	 * '=' make the URL-encoded form differ from the text.
	 */
	private static final String KEY_STORE_PASSWORD = "Hemlig Losen+7391/QzX&";

	private static final String TRUST_STORE_PASSWORD = "Tillit 8842&Losen=Wq";

	/** Typed instead of the key store password: a near-secret, searched for too. */
	private static final String WRONG_PASSWORD = "Felaktig 5150+Losen/Jk";

	/** The organisation number, known to be in the job repository and the log. */
	private static final String ORGANISATION = "9990000045";

	@TempDir
	Path dir;

	private TestPki pki;

	private TestPki.Store clientStore;

	private TestPki.Store trustStore;

	private ScbStandIn scb;

	private ProductSettings settings;

	/** Every command run, in order: its name and what it printed. */
	private final List<Map.Entry<String, CliResult>> runs = new ArrayList<>();

	@BeforeEach
	void standInRequiringTheClientCertificate() {
		this.pki = new TestPki(this.dir.resolve("pki"));
		TestPki.Store server = this.pki.serverKeyStore("server.p12", "server-secret");
		this.clientStore = this.pki.clientKeyStore("client.p12", KEY_STORE_PASSWORD, Duration.ofDays(700));
		this.trustStore = this.pki.trustStore("trust.p12", TRUST_STORE_PASSWORD);
		this.scb = ScbStandIn.start(StandInOptions.defaults()
			.withTls(server.path(), server.password())
			.withRequiredClientCertificate(this.trustStore.path(), this.trustStore.password())
			.withPollsBeforeFinal(1));
		this.settings = ProductSettings.standard(SecretsNeverLeakTest.class, this.dir)
			// by host name, as SCB's hosts are reached: the server certificate names
			// localhost
			.gdbBaseUrl("https://localhost:" + this.scb.port() + "/m2m/v2/")
			// in a folder of its own, searched file by file below
			.h2File(this.dir.resolve("repository/db"))
			.with("logging.level.root", "DEBUG")
			.with("logging.level.se.scbdelivery", "TRACE")
			.keyStore(this.clientStore.path())
			.trustStore(this.trustStore.path());
	}

	@AfterEach
	void stopStandIn() {
		if (this.scb != null) {
			this.scb.close();
		}
	}

	@Test
	void noPasswordReachesAConsoleALogAReportOrTheJobRepository() throws Exception {
		// given a stand-in requiring the client certificate, a shared job repository and
		// folders
		// (set up before each test)

		// when 1: the passwords are given as properties on the command line (the worst
		// case)
		CliResult direct = run("1 deliver, passwords as --properties", Map.of(), passwordsDirectly(KEY_STORE_PASSWORD),
				deliver("case-1.xml"));
		assertThat(direct.exitCode()).as(direct.toString()).isZero();
		assertThat(direct.out()).contains("LOADED (exit 0)");

		// when 2: they come from files (as a mounted Kubernetes Secret gives them)
		CliResult fromFiles = run("2 deliver, passwords from files", Map.of(),
				this.settings.keyStore(this.clientStore.path(), secretFile("key-store.password", KEY_STORE_PASSWORD))
					.trustStore(this.trustStore.path(), secretFile("trust-store.password", TRUST_STORE_PASSWORD)),
				deliver("case-2.xml"));
		assertThat(fromFiles.exitCode()).as(fromFiles.toString()).isZero();

		// when 3: they come from environment variables (a Secret as env)
		CliResult fromEnvironment = run("3 deliver, passwords from the environment", Map.of("SCB_TLS_KEYSTOREPASSWORD",
				KEY_STORE_PASSWORD, "SCB_TLS_TRUSTSTOREPASSWORD", TRUST_STORE_PASSWORD), this.settings,
				deliver("case-3.xml"));
		assertThat(fromEnvironment.exitCode()).as(fromEnvironment.toString()).isZero();

		// when 4: the key store password is wrong: invalid input, the message names the
		// key store
		CliResult wrongPassword = run("4 deliver, wrong key store password", Map.of(),
				passwordsDirectly(WRONG_PASSWORD), deliver("case-4.xml"));
		assertThat(wrongPassword.exitCode()).as(wrongPassword.toString()).isEqualTo(2);
		assertThat(InProcessCli.firstErrorLine(wrongPassword))
			.isEqualTo("error: key store " + this.clientStore.path() + " cannot be opened: wrong password");

		// when 5: the stand-in refuses a certificate from another CA, kept under the same
		// password
		TestPki.Store stranger = new TestPki(this.dir.resolve("other-pki"), "some other CA")
			.clientKeyStore("stranger.p12", KEY_STORE_PASSWORD, Duration.ofDays(700));
		CliResult refused = run("5 deliver, certificate refused", Map.of(),
				passwordsDirectly(KEY_STORE_PASSWORD).keyStore(stranger.path()), deliver("case-5.xml"));
		assertThat(refused.exitCode()).as(refused.toString()).isEqualTo(1);
		assertThat(refused.out() + refused.err()).contains("the server refused our client certificate");

		// when 6: SCB fails every fragment: a technical failure mid-way, then a restart
		// that delivers
		this.scb.faults().respond(Faults.Call.FRAGMENT, 0, Integer.MAX_VALUE, 500);
		CliResult failedMidWay = run("6a deliver, fragment fails with HTTP 500", Map.of(),
				passwordsDirectly(KEY_STORE_PASSWORD), deliver("case-6.xml"));
		assertThat(failedMidWay.exitCode()).as(failedMidWay.toString()).isEqualTo(1);
		assertThat(failedMidWay.out()).contains("FAILED (exit 1)");
		assertThat(failedMidWay.err()).as("mid-way: after the handshake and the heartbeat")
			.contains("Heartbeat answered");
		this.scb.faults().clear();
		long failedExecution = failedMidWay.execution();
		CliResult restarted = run("6b restart", Map.of(), passwordsDirectly(KEY_STORE_PASSWORD), "restart",
				String.valueOf(failedExecution));
		assertThat(restarted.exitCode()).as(restarted.toString()).isZero();
		assertThat(restarted.err()).contains("Resuming the delivery of execution " + failedExecution);
		assertThat(restarted.out()).contains("LOADED (exit 0)");

		// when 7: list, list --json and heartbeat, with the passwords configured
		CliResult list = run("7a list", Map.of(), passwordsDirectly(KEY_STORE_PASSWORD), "list");
		assertThat(list.exitCode()).as(list.toString()).isZero();
		assertThat(list.out()).contains(String.valueOf(failedExecution));
		CliResult listJson = run("7b list --json", Map.of(), passwordsDirectly(KEY_STORE_PASSWORD), "list", "--json");
		assertThat(listJson.exitCode()).as(listJson.toString()).isZero();
		CliResult heartbeat = run("7c heartbeat", Map.of(), passwordsDirectly(KEY_STORE_PASSWORD), "heartbeat");
		assertThat(heartbeat.exitCode()).as(heartbeat.toString()).isZero();

		// then: everything the runs wrote down is gathered
		List<Place> places = new ArrayList<>();
		this.runs.forEach((run) -> {
			places.add(Place.text("stdout of " + run.getKey(), run.getValue().out()));
			places.add(Place.text("stderr of " + run.getKey(), run.getValue().err()));
		});
		places.addAll(filesUnder(this.settings.logFile().getParent(), "logs"));
		places.addAll(filesUnder(this.dir.resolve("reports"), "reports"));
		places.addAll(filesUnder(this.dir.resolve("repository"), "repository"));
		places.addAll(everyValueInTheJobRepository());
		assertThat(places).as("places searched").anyMatch((place) -> place.name().startsWith("file reports/"));

		// and the passwords in every form they could take once written down
		List<Needle> passwords = new ArrayList<>();
		passwords.addAll(Needle.formsOf("the key store password", KEY_STORE_PASSWORD));
		passwords.addAll(Needle.formsOf("the trust store password", TRUST_STORE_PASSWORD));
		passwords.addAll(Needle.formsOf("the wrong key store password", WRONG_PASSWORD));

		// and the search finds what is known to be there, so an empty search cannot pass
		Leaks organisation = Leaks.search(places, Needle.plain(ORGANISATION));
		assertThat(organisation.foundIn("table ")).as("the organisation number in the job repository: " + organisation)
			.isTrue();
		assertThat(organisation.foundIn("file logs/")).as("the organisation number in the log: " + organisation)
			.isTrue();
		assertThat(organisation.foundIn("file repository/db.mv.db"))
			.as("the organisation number in the database file's raw bytes: " + organisation)
			.isTrue();
		assertThat(Leaks.search(filesUnder(this.dir.resolve("secrets"), "secrets"), passwords).found())
			.as("the passwords where they belong, in their password files: the search finds them")
			.anyMatch((line) -> line.startsWith("file secrets/key-store.password") && line.endsWith("(as text)"))
			.anyMatch((line) -> line.startsWith("file secrets/trust-store.password") && line.endsWith("(as text)"));
		for (String prefix : List.of("", "x", "xy")) {
			String encoded = Base64.getEncoder()
				.encodeToString((prefix + KEY_STORE_PASSWORD + "!").getBytes(StandardCharsets.UTF_8));
			assertThat(Leaks.search(List.of(Place.text("a Base64 sample", encoded)), passwords).found())
				.as("the password found inside Base64 text starting " + prefix.length() + " bytes before it")
				.isNotEmpty();
		}
		// (the program itself logs nothing below INFO; its TRACE level is set for when it
		// does)
		assertThat(Files.readString(this.settings.logFile()).contains(" DEBUG [main] "))
			.as("the log was written at DEBUG")
			.isTrue();

		// and no password, in any form, is found anywhere
		Leaks leaks = Leaks.search(places, passwords);
		assertThat(leaks.found())
			.as("a password was found in %d places searched (working directory %s, logs in %s):%n%s", places.size(),
					this.dir, this.settings.logFile().getParent(), leaks)
			.isEmpty();
	}

	/**
	 * Runs one command in a JVM of its own, with these settings, and keeps what it
	 * printed.
	 */
	private CliResult run(String name, Map<String, String> environment, ProductSettings settings, String... command) {
		CliResult result = ChildJvm.withSettings(settings).environment(environment).run(command);
		this.runs.add(Map.entry(name, result));
		return result;
	}

	/** {@code deliver} of a new file. */
	private String[] deliver(String fileName) {
		Path file = TestFiles.xml(this.dir.resolve("inbox"), fileName, 2_500, null);
		return new String[] { "deliver", "--file", file.toString(), "--org", "999000-0045", "--program", "VINN",
				"--period", "2024-06-30", "--format", "V40" };
	}

	/**
	 * The settings every run shares, with the passwords as properties on the command
	 * line.
	 */
	private ProductSettings passwordsDirectly(String keyStorePassword) {
		return this.settings.keyStorePassword(keyStorePassword).trustStorePassword(TRUST_STORE_PASSWORD);
	}

	/**
	 * A password file, outside every folder searched (it is where the password belongs).
	 */
	private Path secretFile(String name, String secret) throws IOException {
		Path secrets = Files.createDirectories(this.dir.resolve("secrets"));
		return Files.writeString(secrets.resolve(name), secret + "\n", StandardCharsets.UTF_8);
	}

	/**
	 * Every file under a folder, as raw bytes (for the database files: deleted rows too),
	 * each named "file LABEL/" and its path in the folder.
	 */
	private static List<Place> filesUnder(Path folder, String label) throws IOException {
		if (!Files.isDirectory(folder)) {
			return List.of();
		}
		try (Stream<Path> files = Files.walk(folder)) {
			return files.filter(Files::isRegularFile).map((file) -> {
				try {
					return new Place("file " + label + "/" + folder.relativize(file), Files.readAllBytes(file));
				}
				catch (IOException ex) {
					throw new UncheckedIOException(ex);
				}
			}).toList();
		}
	}

	/**
	 * Every value of every column of every row of every table of the job repository, as
	 * text (CLOB and BLOB contents included); a value that is Base64 (a serialized
	 * execution context) is searched decoded too.
	 */
	private List<Place> everyValueInTheJobRepository() throws SQLException, IOException {
		List<Place> places = new ArrayList<>();
		try (Connection connection = this.settings.connectToJobRepository();
				Statement statement = connection.createStatement()) {
			List<String> tables = new ArrayList<>();
			try (ResultSet rows = statement
				.executeQuery("SELECT TABLE_NAME FROM INFORMATION_SCHEMA.TABLES WHERE TABLE_SCHEMA = 'PUBLIC' "
						+ "ORDER BY TABLE_NAME")) {
				while (rows.next()) {
					tables.add(rows.getString(1));
				}
			}
			assertThat(tables).as("the job repository's tables")
				.contains("BATCH_JOB_EXECUTION_PARAMS", "BATCH_JOB_EXECUTION_CONTEXT", "BATCH_STEP_EXECUTION_CONTEXT");
			for (String table : tables) {
				try (ResultSet rows = statement.executeQuery("SELECT * FROM \"" + table + "\"")) {
					ResultSetMetaData columns = rows.getMetaData();
					for (int row = 1; rows.next(); row++) {
						String rowName = "table " + table + " row " + row + " (" + columns.getColumnName(1) + "="
								+ rows.getString(1) + ")";
						for (int column = 1; column <= columns.getColumnCount(); column++) {
							String name = rowName + " column " + columns.getColumnName(column);
							byte[] value = bytesOf(rows.getObject(column));
							places.add(new Place(name, value));
							byte[] decoded = base64Decoded(value);
							if (decoded != null) {
								places.add(new Place(name + " (Base64-decoded)", decoded));
							}
						}
					}
				}
			}
		}
		return places;
	}

	private static byte[] bytesOf(Object value) throws SQLException, IOException {
		if (value == null) {
			return new byte[0];
		}
		if (value instanceof Clob clob) {
			try (Reader reader = clob.getCharacterStream()) {
				StringBuilder text = new StringBuilder();
				char[] buffer = new char[8192];
				for (int n; (n = reader.read(buffer)) > 0;) {
					text.append(buffer, 0, n);
				}
				return text.toString().getBytes(StandardCharsets.UTF_8);
			}
		}
		if (value instanceof Blob blob) {
			try (InputStream in = blob.getBinaryStream()) {
				return in.readAllBytes();
			}
		}
		if (value instanceof byte[] bytes) {
			return bytes;
		}
		return String.valueOf(value).getBytes(StandardCharsets.UTF_8);
	}

	private static byte[] base64Decoded(byte[] value) {
		String text = new String(value, StandardCharsets.US_ASCII).strip();
		if (text.length() < 8 || !text.matches("[A-Za-z0-9+/\\r\\n]+={0,2}")) {
			return null;
		}
		try {
			return Base64.getMimeDecoder().decode(text);
		}
		catch (IllegalArgumentException ex) {
			return null;
		}
	}

}
