package se.scbdelivery.testsupport;

import java.io.File;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.attribute.PosixFilePermissions;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.jar.JarFile;
import java.util.stream.Collectors;
import java.util.stream.Stream;

import org.jspecify.annotations.Nullable;

import se.scbdelivery.ScbDeliveryApplication;

import static org.awaitility.Awaitility.await;

/**
 * Runs the program in a JVM of its own, as an operator or a scheduler does: for what is
 * set up once per process (logging, shutdown hooks, the heap, signals). Each instance is
 * a recipe (settings, JVM options, environment, user, timeout) that {@link #run} runs to
 * its end or {@link #start}s and hands back as a {@link Running} process to signal and
 * wait for.
 * <p>
 * The command's arguments come first, then the {@link ProductSettings}' ones. Each run's
 * stdout and stderr go to files in a new folder {@code jvm-<n>-<command>} of the
 * settings' output folder under {@code target/test-output/}, and the run names a log file
 * there if its arguments name none. The test classpath's MockServer brings a second SLF4J
 * provider, whose one-time warning lines are left out of stderr. A child still running
 * when the test JVM ends is killed.
 */
public final class ChildJvm {

	private static final Duration DEFAULT_TIMEOUT = Duration.ofMinutes(2);

	private static final String LOG_FILE = "--logging.file.name=";

	private static final AtomicInteger RUNS = new AtomicInteger();

	private static final Set<ProcessHandle> LIVE = ConcurrentHashMap.newKeySet();

	private static @Nullable String readableClasspath;

	static {
		Runtime.getRuntime().addShutdownHook(new Thread(() -> LIVE.forEach(ProcessHandle::destroyForcibly)));
	}

	private final Class<?> test;

	private final @Nullable ProductSettings settings;

	private final List<String> jvmOptions;

	private final Map<String, String> environment;

	private final @Nullable String user;

	private final @Nullable Path workingDirectory;

	private final Duration timeout;

	private ChildJvm(Class<?> test, @Nullable ProductSettings settings, List<String> jvmOptions,
			Map<String, String> environment, @Nullable String user, @Nullable Path workingDirectory, Duration timeout) {
		this.test = test;
		this.settings = settings;
		this.jvmOptions = List.copyOf(jvmOptions);
		this.environment = Map.copyOf(environment);
		this.user = user;
		this.workingDirectory = workingDirectory;
		this.timeout = timeout;
	}

	/** The program with these settings after the command's arguments. */
	public static ChildJvm withSettings(ProductSettings settings) {
		return new ChildJvm(ChildJvm.class, settings, List.of(), Map.of(), null, null, DEFAULT_TIMEOUT);
	}

	/**
	 * The program with the command's arguments only; the output goes under
	 * {@code target/test-output/<test>}.
	 */
	public static ChildJvm withoutSettings(Class<?> test) {
		return new ChildJvm(test, null, List.of(), Map.of(), null, null, DEFAULT_TIMEOUT);
	}

	/** Other settings, e.g. one changed for this run. */
	public ChildJvm settings(ProductSettings settings) {
		return new ChildJvm(this.test, settings, this.jvmOptions, this.environment, this.user, this.workingDirectory,
				this.timeout);
	}

	/** Options for the JVM itself, such as {@code -Xmx64m}. */
	public ChildJvm jvmOptions(String... options) {
		List<String> all = new ArrayList<>(this.jvmOptions);
		all.addAll(List.of(options));
		return new ChildJvm(this.test, this.settings, all, this.environment, this.user, this.workingDirectory,
				this.timeout);
	}

	/** Environment variables added to the test JVM's own. */
	public ChildJvm environment(Map<String, String> variables) {
		Map<String, String> all = new LinkedHashMap<>(this.environment);
		all.putAll(variables);
		return new ChildJvm(this.test, this.settings, this.jvmOptions, all, this.user, this.workingDirectory,
				this.timeout);
	}

	/**
	 * Runs the program as another user ({@code runuser -u}, so the test JVM must be
	 * root), from a copy of the classpath that every user can read: the jars of the local
	 * Maven repository sit under root's home, and a checkout may sit in a folder only
	 * root may enter. The settings' work folder and the run's output folders are opened
	 * to every user.
	 */
	public ChildJvm asUser(String user) {
		return new ChildJvm(this.test, this.settings, this.jvmOptions, this.environment, user, this.workingDirectory,
				this.timeout);
	}

	/** The program's working directory; by default the run's output folder. */
	public ChildJvm workingDirectory(Path directory) {
		return new ChildJvm(this.test, this.settings, this.jvmOptions, this.environment, this.user, directory,
				this.timeout);
	}

	/**
	 * How long {@link #run} and {@link Running#awaitExit()} wait for the program; 2
	 * minutes by default.
	 */
	public ChildJvm timeout(Duration timeout) {
		return new ChildJvm(this.test, this.settings, this.jvmOptions, this.environment, this.user,
				this.workingDirectory, timeout);
	}

	/**
	 * Runs one command and waits for it to end.
	 * @throws AssertionError when it has not ended within the timeout (it is killed then)
	 */
	public CliResult run(String... args) {
		return start(args).awaitExit();
	}

	/** Starts one command and returns at once. */
	public Running start(String... args) {
		Path folder = runFolder(args);
		List<String> programArguments = new ArrayList<>(List.of(args));
		if (this.settings != null) {
			programArguments.addAll(this.settings.arguments());
		}
		if (programArguments.stream().noneMatch((arg) -> arg.startsWith(LOG_FILE))) {
			programArguments.add(LOG_FILE + folder.resolve("scb-delivery.log"));
		}
		List<String> command = new ArrayList<>();
		if (this.user != null) {
			command.addAll(List.of("runuser", "-u", this.user, "--"));
			openToUser(folder);
		}
		command.add(Path.of(System.getProperty("java.home"), "bin", "java").toString());
		command.addAll(this.jvmOptions);
		command.addAll(List.of("-cp", (this.user != null) ? readableClasspath() : System.getProperty("java.class.path"),
				ScbDeliveryApplication.class.getName()));
		command.addAll(programArguments);
		Path stdout = folder.resolve("stdout.txt");
		Path stderr = folder.resolve("stderr.txt");
		ProcessBuilder builder = new ProcessBuilder(command)
			.directory(((this.workingDirectory != null) ? this.workingDirectory : folder).toFile())
			.redirectOutput(stdout.toFile())
			.redirectError(stderr.toFile());
		builder.environment().putAll(this.environment);
		try {
			Process process = builder.start();
			LIVE.add(process.toHandle());
			return new Running(process, String.join(" ", args), stdout, stderr, this.timeout, this.user != null);
		}
		catch (IOException ex) {
			throw new UncheckedIOException("cannot start " + command, ex);
		}
	}

	private Path runFolder(String[] args) {
		Path base = (this.settings != null) ? this.settings.outputFolder() : TestOutput.newFolder(this.test);
		String command = Stream.of(args).filter((arg) -> !arg.startsWith("-")).findFirst().orElse("jvm");
		Path folder = base.resolve(String.format("jvm-%02d-%s", RUNS.incrementAndGet(), command));
		try {
			return Files.createDirectories(folder);
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
	}

	/**
	 * What the other user's program writes to: its working and output folders, the job
	 * repository's folder.
	 */
	private void openToUser(Path folder) {
		try {
			openToAll(folder);
			if (this.settings != null) {
				Path logs = this.settings.logFile().toAbsolutePath().getParent();
				Files.createDirectories(logs);
				openToAll(logs);
				// the log folder is under target/, which is under the temporary folder
				// when the checkout is (a fresh clone in a private temporary folder)
				openToAllUpToTheTemporaryFolder(logs);
				openToAllUpToTheTemporaryFolder(this.settings.work());
			}
			if (this.workingDirectory != null) {
				openToAllUpToTheTemporaryFolder(this.workingDirectory);
			}
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
	}

	private static void openToAll(Path folder) throws IOException {
		Files.setPosixFilePermissions(folder, PosixFilePermissions.fromString("rwxrwxrwx"));
	}

	/**
	 * Opens the folder and those above it up to (not including) the temporary root to
	 * every user.
	 */
	private static void openToAllUpToTheTemporaryFolder(Path folder) throws IOException {
		Path root = Path.of(System.getProperty("java.io.tmpdir")).toRealPath();
		for (Path step = folder.toRealPath(); step != null && step.startsWith(root)
				&& !step.equals(root); step = step.getParent()) {
			openToAll(step);
		}
	}

	/**
	 * The test classpath, copied once per test JVM where every user can read it (about
	 * 100 MB, deleted at its end).
	 */
	private static synchronized String readableClasspath() {
		if (readableClasspath == null) {
			try {
				Path copies = TemporaryFolders.create("scb-delivery-classpath-");
				Files.setPosixFilePermissions(copies, PosixFilePermissions.fromString("rwxr-xr-x"));
				List<String> entries = new ArrayList<>();
				int folder = 0;
				for (Path entry : classpathEntries()) {
					if (Files.isDirectory(entry)) {
						Path target = copies.resolve("classes-" + folder++);
						copyTree(entry, target);
						entries.add(target.toString());
					}
					else if (entry.toString().endsWith(".jar")
							&& !entry.getFileName().toString().startsWith("surefire")) {
						Path copy = Files.copy(entry, copies.resolve(entry.getFileName()),
								StandardCopyOption.REPLACE_EXISTING);
						Files.setPosixFilePermissions(copy, PosixFilePermissions.fromString("rw-r--r--"));
					}
				}
				entries.add(copies + "/*");
				readableClasspath = String.join(File.pathSeparator, entries);
			}
			catch (IOException ex) {
				throw new UncheckedIOException("cannot copy the classpath", ex);
			}
		}
		return readableClasspath;
	}

	private static void copyTree(Path from, Path to) throws IOException {
		try (Stream<Path> paths = Files.walk(from)) {
			for (Path source : paths.toList()) {
				Path target = to.resolve(from.relativize(source).toString());
				if (Files.isDirectory(source)) {
					Files.createDirectories(target);
					Files.setPosixFilePermissions(target, PosixFilePermissions.fromString("rwxr-xr-x"));
				}
				else {
					Files.copy(source, target, StandardCopyOption.REPLACE_EXISTING);
					Files.setPosixFilePermissions(target, PosixFilePermissions.fromString("rw-r--r--"));
				}
			}
		}
	}

	/** Surefire may start tests from a jar whose manifest lists the real classpath. */
	private static List<Path> classpathEntries() throws IOException {
		List<Path> entries = new ArrayList<>();
		for (String element : System.getProperty("java.class.path").split(File.pathSeparator)) {
			Path path = Path.of(element);
			entries.add(path);
			if (element.endsWith(".jar")) {
				try (JarFile jar = new JarFile(path.toFile())) {
					String listed = (jar.getManifest() != null)
							? jar.getManifest().getMainAttributes().getValue("Class-Path") : null;
					if (listed != null) {
						for (String url : listed.trim().split("\\s+")) {
							entries.add(Path.of(URI.create(url)));
						}
					}
				}
			}
		}
		return entries;
	}

	/** A started program: signal it, wait for its output or its end. */
	public static final class Running {

		private final Process process;

		private final String command;

		private final Path stdout;

		private final Path stderr;

		private final Duration timeout;

		private final boolean viaRunuser;

		private Running(Process process, String command, Path stdout, Path stderr, Duration timeout,
				boolean viaRunuser) {
			this.process = process;
			this.command = command;
			this.stdout = stdout;
			this.stderr = stderr;
			this.timeout = timeout;
			this.viaRunuser = viaRunuser;
		}

		/** The JVM's process id (below {@code runuser} when run as another user). */
		public long pid() {
			return java().pid();
		}

		public boolean isAlive() {
			return this.process.isAlive();
		}

		/** The file stdout goes to, growing while the program runs. */
		public Path stdout() {
			return this.stdout;
		}

		/** The file stderr goes to, growing while the program runs. */
		public Path stderr() {
			return this.stderr;
		}

		/** SIGKILL ({@code destroyForcibly}): no shutdown hook runs. */
		public Running kill() {
			if (this.viaRunuser) {
				java().destroyForcibly();
			}
			else {
				this.process.destroyForcibly();
			}
			return this;
		}

		/**
		 * SIGTERM ({@code destroy}), as Kubernetes stops a pod: the shutdown hooks run.
		 */
		public Running terminate() {
			if (this.viaRunuser) {
				java().destroy();
			}
			else {
				this.process.destroy();
			}
			return this;
		}

		/**
		 * SIGSTOP: the process stops where it is, as a frozen or swapped-out machine
		 * would.
		 */
		public Running pause() {
			return signal("STOP");
		}

		/** SIGCONT, after {@link #pause()}. */
		public Running resume() {
			return signal("CONT");
		}

		/**
		 * Waits until stderr holds the text, within the timeout; fails early if the
		 * program ends without it.
		 */
		public void awaitStderr(String text) {
			awaitText(this.stderr, "stderr", text);
		}

		/**
		 * Waits until stdout holds the text, within the timeout; fails early if the
		 * program ends without it.
		 */
		public void awaitStdout(String text) {
			awaitText(this.stdout, "stdout", text);
		}

		/**
		 * Waits for the program's end within the timeout.
		 * @throws AssertionError when it has not ended by then (it is killed then)
		 */
		public CliResult awaitExit() {
			return awaitExit(this.timeout);
		}

		/**
		 * Waits for the program's end; its exit code is 128 + the signal's number when a
		 * signal ended it (137 for SIGKILL, 143 for SIGTERM).
		 * @throws AssertionError when it has not ended by then (it is killed then)
		 */
		public CliResult awaitExit(Duration timeout) {
			try {
				if (!this.process.waitFor(timeout.toMillis(), TimeUnit.MILLISECONDS)) {
					kill();
					this.process.waitFor(30, TimeUnit.SECONDS);
					throw new AssertionError(
							"the program did not finish within " + timeout + ": " + this.command + "\n" + result());
				}
			}
			catch (InterruptedException ex) {
				Thread.currentThread().interrupt();
				kill();
				throw new IllegalStateException("interrupted while waiting for " + this.command, ex);
			}
			LIVE.remove(this.process.toHandle());
			CliResult result = result();
			// keep the console output in the surefire report, for when an assertion fails
			System.out.println("$ " + this.command + " (a JVM of its own, pid " + this.process.pid() + ")\n" + result);
			return result;
		}

		private CliResult result() {
			String stderr = read(this.stderr).lines()
				.filter((line) -> !line.startsWith("SLF4J("))
				.collect(Collectors.joining("\n", "", "\n"));
			return new CliResult(this.process.isAlive() ? -1 : this.process.exitValue(), read(this.stdout), stderr);
		}

		private void awaitText(Path file, String stream, String text) {
			await("'" + text + "' on the " + stream + " of " + this.command).atMost(this.timeout)
				.pollInterval(Duration.ofMillis(20))
				.failFast("the program ended without it", () -> !this.process.isAlive() && !read(file).contains(text))
				.until(() -> read(file).contains(text));
		}

		private Running signal(String signal) {
			try {
				Process kill = new ProcessBuilder("kill", "-" + signal, String.valueOf(pid())).redirectErrorStream(true)
					.start();
				String said = new String(kill.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
				if (!kill.waitFor(10, TimeUnit.SECONDS) || kill.exitValue() != 0) {
					throw new IllegalStateException("kill -" + signal + " " + pid() + " failed: " + said);
				}
				return this;
			}
			catch (IOException ex) {
				throw new UncheckedIOException(ex);
			}
			catch (InterruptedException ex) {
				Thread.currentThread().interrupt();
				throw new IllegalStateException(ex);
			}
		}

		/** The JVM: the process itself, or the child {@code runuser} started. */
		private ProcessHandle java() {
			if (!this.viaRunuser) {
				return this.process.toHandle();
			}
			return await("the JVM that runuser starts").atMost(Duration.ofSeconds(30))
				.until(() -> this.process.toHandle().children().findFirst(), Optional::isPresent)
				.orElseThrow();
		}

		/** What the file holds so far; a character still half written reads as U+FFFD. */
		private static String read(Path file) {
			try {
				return new String(Files.readAllBytes(file), StandardCharsets.UTF_8);
			}
			catch (IOException ex) {
				throw new UncheckedIOException(ex);
			}
		}

	}

}
