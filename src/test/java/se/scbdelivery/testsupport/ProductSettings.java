package se.scbdelivery.testsupport;

import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Supplier;

import org.jspecify.annotations.Nullable;

import org.springframework.boot.context.properties.bind.Binder;
import org.springframework.boot.context.properties.source.MapConfigurationPropertySource;
import org.springframework.test.context.DynamicPropertyRegistry;

import se.scbdelivery.config.ScbProperties;
import se.scbdelivery.simulator.ScbStandIn;

/**
 * The product's settings as the tests give them, written once. {@link #standard} is what
 * every test runs with: a job repository in an H2 file in a temporary folder, the report
 * folder beside it, the log file under {@code target/test-output/}, fragments of 1,000
 * bytes (so small files make several), polls every 10 to 20 ms, and two HTTP attempts 1
 * to 2 ms apart. A test that needs something else says so by one named setting, e.g.
 * {@code .httpMaxAttempts(3)}, with the reason beside it; {@link #with} is for the
 * settings that only one test uses.
 * <p>
 * Each setting returns a new instance, so a test can keep its base settings and vary one
 * per run. The same settings go to every runner: as {@code --name=value} arguments
 * ({@link #arguments()}) for {@link InProcessCli} and {@link ChildJvm}, or into a Spring
 * context in the test JVM ({@link #registerIn}, with {@link ProductContextTest}).
 */
public final class ProductSettings {

	/**
	 * The log file of a Spring context started in the test JVM
	 * ({@link ProductContextTest}). Relative to the module's folder, where Maven runs the
	 * tests: logging is set up before any {@code DynamicPropertySource} is read, so it
	 * cannot be a temporary folder's.
	 */
	public static final String IN_CONTEXT_LOG_FILE = "target/test-output/in-context/scb-delivery.log";

	private static final String DATASOURCE_URL = "spring.datasource.url";

	private static final String DATASOURCE_USERNAME = "spring.datasource.username";

	private static final String DATASOURCE_PASSWORD = "spring.datasource.password";

	private static final String LOG_FILE = "logging.file.name";

	private static final String REPORT_DIR = "scb.report.dir";

	private final Path work;

	private final Path output;

	/** Name to value, in the order they were first set; values are read when used. */
	private final Map<String, Supplier<String>> settings;

	private ProductSettings(Path work, Path output, Map<String, Supplier<String>> settings) {
		this.work = work;
		this.output = output;
		this.settings = Collections.unmodifiableMap(settings);
	}

	/**
	 * The standard settings, with the job repository and reports in {@code work} (a
	 * test's {@code @TempDir}) and the log file in a new folder under
	 * {@code target/test-output/<test class>/}.
	 */
	public static ProductSettings standard(Class<?> test, Path work) {
		Path output = TestOutput.newFolder(test);
		Map<String, Supplier<String>> settings = new LinkedHashMap<>();
		settings.put(DATASOURCE_URL, constant(h2Url(work.resolve("jobrepo"))));
		settings.put(REPORT_DIR, constant(work.resolve("reports").toString()));
		settings.put(LOG_FILE, constant(output.resolve("logs/scb-delivery.log").toString()));
		settings.put("scb.upload.fragment-size", constant("1000"));
		settings.put("scb.poll.interval", constant("10ms"));
		settings.put("scb.poll.max-interval", constant("20ms"));
		settings.put("scb.poll.max-rate", constant("500"));
		settings.put("scb.http.initial-backoff", constant("1ms"));
		settings.put("scb.http.max-backoff", constant("2ms"));
		settings.put("scb.http.max-attempts", constant("2"));
		settings.put("scb.inbox.settle", constant("20ms"));
		return new ProductSettings(work, output, settings);
	}

	/**
	 * The standard settings in a new temporary folder of their own, for a Spring context
	 * that outlives one test instance (the context cache keeps it for the whole test
	 * JVM); the folder is deleted when the test JVM ends.
	 */
	public static ProductSettings standard(Class<?> test) {
		return standard(test, TemporaryFolders.create("scb-" + test.getSimpleName() + "-"));
	}

	/**
	 * Nothing but the log file under {@code target/test-output/}: for a command that
	 * brings its own settings, as {@code demo} does.
	 */
	public static ProductSettings logFileOnly(Class<?> test) {
		Path output = TestOutput.newFolder(test);
		Map<String, Supplier<String>> settings = new LinkedHashMap<>();
		settings.put(LOG_FILE, constant(output.resolve("logs/scb-delivery.log").toString()));
		return new ProductSettings(output, output, settings);
	}

	// --- the job repository

	/** The job repository in this H2 file (a path without {@code .mv.db}). */
	public ProductSettings h2File(Path file) {
		return with(DATASOURCE_URL, h2Url(file)).without(DATASOURCE_USERNAME).without(DATASOURCE_PASSWORD);
	}

	/**
	 * The job repository in this JVM's fresh PostgreSQL database
	 * ({@link PostgresTestDatabase}).
	 */
	public ProductSettings postgres() {
		return withSupplied(DATASOURCE_URL, PostgresTestDatabase::url)
			.withSupplied(DATASOURCE_USERNAME, PostgresTestDatabase::user)
			.with(DATASOURCE_PASSWORD, "");
	}

	/**
	 * The job repository in a fresh PostgreSQL database of its own
	 * ({@link PostgresTestDatabase#fresh}), created when the settings are first read: for
	 * tests that must see no other test class's deliveries.
	 */
	public ProductSettings postgresOfItsOwn() {
		Supplier<String> url = new Supplier<>() {

			private @Nullable String created;

			@Override
			public synchronized String get() {
				if (this.created == null) {
					this.created = PostgresTestDatabase.fresh();
				}
				return this.created;
			}

		};
		return withSupplied(DATASOURCE_URL, url).withSupplied(DATASOURCE_USERNAME, PostgresTestDatabase::user)
			.with(DATASOURCE_PASSWORD, "");
	}

	/**
	 * The job repository at exactly this JDBC URL: for a test about a particular URL
	 * form.
	 */
	public ProductSettings jobRepositoryUrl(String url) {
		return with(DATASOURCE_URL, url);
	}

	// --- folders

	public ProductSettings reportDir(Path dir) {
		return with(REPORT_DIR, dir);
	}

	public ProductSettings logFile(Path file) {
		return with(LOG_FILE, file);
	}

	// --- SCB

	/** Both base URLs, GDB's and the generic service's, at this stand-in. */
	public ProductSettings standIn(ScbStandIn standIn) {
		return gdbBaseUrl(standIn.gdbBaseUrl()).genericBaseUrl(standIn.genericBaseUrl());
	}

	public ProductSettings gdbBaseUrl(Object url) {
		return with("scb.gdb.base-url", url);
	}

	public ProductSettings genericBaseUrl(Object url) {
		return with("scb.generic.base-url", url);
	}

	/** {@code test} or {@code production}. */
	public ProductSettings environment(String environment) {
		return with("scb.environment", environment);
	}

	public ProductSettings fragmentSize(int bytes) {
		return with("scb.upload.fragment-size", bytes);
	}

	public ProductSettings systemfelRetries(int retries) {
		return with("scb.upload.systemfel-retries", retries);
	}

	public ProductSettings pollInterval(String interval) {
		return with("scb.poll.interval", interval);
	}

	public ProductSettings pollMaxInterval(String interval) {
		return with("scb.poll.max-interval", interval);
	}

	public ProductSettings pollTimeout(String timeout) {
		return with("scb.poll.timeout", timeout);
	}

	public ProductSettings httpMaxAttempts(int attempts) {
		return with("scb.http.max-attempts", attempts);
	}

	public ProductSettings httpInitialBackoff(String backoff) {
		return with("scb.http.initial-backoff", backoff);
	}

	public ProductSettings httpMaxBackoff(String backoff) {
		return with("scb.http.max-backoff", backoff);
	}

	public ProductSettings httpResponseTimeout(String timeout) {
		return with("scb.http.response-timeout", timeout);
	}

	public ProductSettings httpCompletionTimeout(String timeout) {
		return with("scb.http.completion-timeout", timeout);
	}

	public ProductSettings inboxSettle(String settle) {
		return with("scb.inbox.settle", settle);
	}

	/**
	 * {@code scb.recovery.stale-after}: how long a dead process's lease keeps its
	 * delivery.
	 */
	public ProductSettings staleAfter(String staleAfter) {
		return with("scb.recovery.stale-after", staleAfter);
	}

	// --- TLS

	/** The CAs the server is checked against, with the password in a file. */
	public ProductSettings trustStore(Path store, Path passwordFile) {
		return trustStore(store).with("scb.tls.trust-store-password-file", passwordFile);
	}

	public ProductSettings trustStore(Path store) {
		return with("scb.tls.trust-store", store);
	}

	public ProductSettings trustStorePassword(String password) {
		return with("scb.tls.trust-store-password", password);
	}

	/** The client certificate and its key, with the password in a file. */
	public ProductSettings keyStore(Path store, Path passwordFile) {
		return keyStore(store).with("scb.tls.key-store-password-file", passwordFile);
	}

	public ProductSettings keyStore(Path store) {
		return with("scb.tls.key-store", store);
	}

	public ProductSettings keyStorePassword(String password) {
		return with("scb.tls.key-store-password", password);
	}

	// --- anything else

	/** One more setting, or another value for one already set (it keeps its place). */
	public ProductSettings with(String name, Object value) {
		String text = String.valueOf(value);
		return withSupplied(name, () -> text);
	}

	/** Leaves a setting out, so the product's own default applies. */
	public ProductSettings without(String name) {
		Map<String, Supplier<String>> copy = new LinkedHashMap<>(this.settings);
		copy.remove(name);
		return new ProductSettings(this.work, this.output, copy);
	}

	private ProductSettings withSupplied(String name, Supplier<String> value) {
		Map<String, Supplier<String>> copy = new LinkedHashMap<>(this.settings);
		copy.put(name, value);
		return new ProductSettings(this.work, this.output, copy);
	}

	// --- reading them

	/** The temporary folder the job repository and the reports are in. */
	public Path work() {
		return this.work;
	}

	/**
	 * This instance's folder under {@code target/test-output/}: its log, child JVMs'
	 * output.
	 */
	public Path outputFolder() {
		return this.output;
	}

	/**
	 * The log file a run in a JVM of its own or in-process writes. (A Spring context in
	 * the test JVM logs to {@link #IN_CONTEXT_LOG_FILE}.)
	 */
	public Path logFile() {
		return Path.of(required(LOG_FILE));
	}

	public Path reportDir() {
		return Path.of(required(REPORT_DIR));
	}

	public String jobRepositoryUrl() {
		return required(DATASOURCE_URL);
	}

	/** The value of a setting, or null when it is not set here. */
	public @Nullable String value(String name) {
		Supplier<String> value = this.settings.get(name);
		return (value != null) ? value.get() : null;
	}

	/**
	 * A connection to the job repository, to look inside it while no delivery process
	 * runs.
	 */
	public Connection connectToJobRepository() throws SQLException {
		String user = value(DATASOURCE_USERNAME);
		String password = value(DATASOURCE_PASSWORD);
		return DriverManager.getConnection(jobRepositoryUrl(), (user != null) ? user : "sa",
				(password != null) ? password : "");
	}

	/**
	 * The {@code scb.*} settings bound as the program binds them, for a test of one part
	 * (an HTTP client, a tasklet) that takes {@link ScbProperties} rather than a Spring
	 * context.
	 */
	public ScbProperties scbProperties() {
		return new Binder(new MapConfigurationPropertySource(properties())).bindOrCreate("scb", ScbProperties.class);
	}

	/**
	 * Every setting as {@code --name=value}, as they follow the command on a command
	 * line.
	 */
	public List<String> arguments() {
		List<String> arguments = new ArrayList<>();
		this.settings.forEach((name, value) -> arguments.add("--" + name + "=" + value.get()));
		return arguments;
	}

	/** The command's own arguments, then every setting. */
	public String[] commandLine(String... command) {
		List<String> all = new ArrayList<>(List.of(command));
		all.addAll(arguments());
		return all.toArray(String[]::new);
	}

	/** Every setting, name to value. */
	public Map<String, String> properties() {
		Map<String, String> properties = new LinkedHashMap<>();
		this.settings.forEach((name, value) -> properties.put(name, value.get()));
		return properties;
	}

	/**
	 * Every setting into a Spring context in the test JVM, read when the context reads
	 * it; {@code logging.*} excepted, as logging is set up before (see
	 * {@link ProductContextTest}).
	 */
	public void registerIn(DynamicPropertyRegistry registry) {
		this.settings.forEach((name, value) -> {
			if (!name.startsWith("logging.")) {
				registry.add(name, value::get);
			}
		});
	}

	@Override
	public String toString() {
		return String.join(" ", arguments());
	}

	private String required(String name) {
		String value = value(name);
		if (value == null) {
			throw new IllegalStateException(name + " is not set in these settings: " + this);
		}
		return value;
	}

	/**
	 * A plain URL, as an operator writes one: the program itself adds the H2 settings it
	 * relies on (repository/H2Durability).
	 */
	private static String h2Url(Path file) {
		return "jdbc:h2:file:" + file.toAbsolutePath();
	}

	private static Supplier<String> constant(String value) {
		return () -> value;
	}

}
