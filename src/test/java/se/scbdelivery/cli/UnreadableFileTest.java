package se.scbdelivery.cli;

import java.io.IOException;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.jar.JarFile;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import se.scbdelivery.ScbDeliveryApplication;
import se.scbdelivery.simulator.ScbStandIn;
import se.scbdelivery.simulator.StandInOptions;
import se.scbdelivery.testsupport.CliResult;
import se.scbdelivery.testsupport.TestFiles;
import se.scbdelivery.testsupport.InProcessCli;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * A file the program may not read is invalid input: one line, exit 2, nothing sent. Root
 * reads every file whatever its mode, so when the tests run as root (as CI does) the program
 * runs as {@code nobody}, from a copy of the classpath that user can read.
 */
class UnreadableFileTest {

	@TempDir
	Path dir;

	@Test
	void aFileTheProgramMayNotReadIsInvalidInputAndNothingIsSent() throws Exception {
		Path work = Files.createDirectories(this.dir.resolve("work"));
		openToAll(work);
		Path file = TestFiles.xml(work.resolve("inbox"), "secret.xml", 600, null);
		Files.setPosixFilePermissions(file, PosixFilePermissions.fromString("---------"));
		try (ScbStandIn scb = ScbStandIn.start(StandInOptions.defaults().withPollsBeforeFinal(1))) {
			List<String> args = List.of("deliver", "--file", file.toString(), "--org", "999000-0045", "--program",
					"VINN", "--period", "2024-06-30", "--format", "V40", "--scb.gdb.base-url=" + scb.gdbBaseUrl(),
					"--spring.datasource.url=jdbc:h2:file:" + work.resolve("db") + ";DB_CLOSE_ON_EXIT=FALSE;WRITE_DELAY=0",
					"--scb.report.dir=" + work.resolve("reports"), "--logging.file.name=" + work.resolve("scb.log"));

			CliResult result = "root".equals(System.getProperty("user.name")) ? runAsNobody(args)
					: InProcessCli.run(args.toArray(String[]::new));

			assertThat(result.exitCode()).as(result.toString()).isEqualTo(2);
			assertThat(result.err()).contains("error: file " + file + " cannot be read: check its permissions");
			assertThat(scb.heartbeatCount()).isZero();
			assertThat(scb.fragments()).isEmpty();
		}
	}

	private CliResult runAsNobody(List<String> args) throws Exception {
		String classpath = readableClasspath();
		List<String> command = new ArrayList<>(List.of("runuser", "-u", "nobody", "--",
				Path.of(System.getProperty("java.home"), "bin", "java").toString(), "-cp", classpath,
				ScbDeliveryApplication.class.getName()));
		command.addAll(args);
		Path out = this.dir.resolve("out.txt");
		Path err = this.dir.resolve("err.txt");
		Process process = new ProcessBuilder(command).directory(this.dir.resolve("work").toFile())
			.redirectOutput(out.toFile())
			.redirectError(err.toFile())
			.start();
		assertThat(process.waitFor(2, TimeUnit.MINUTES)).as("finished").isTrue();
		return new CliResult(process.exitValue(), Files.readString(out, StandardCharsets.UTF_8),
				Files.readString(err, StandardCharsets.UTF_8));
	}

	/**
	 * The test classpath, copied where {@code nobody} can read it: the jars of the local Maven
	 * repository sit under root's home, and a checkout may sit in a folder only root may enter.
	 */
	private String readableClasspath() throws IOException {
		Path copies = Files.createDirectories(this.dir.resolve("classpath"));
		openToAll(copies);
		List<String> entries = new ArrayList<>();
		int folder = 0;
		for (Path entry : classpathEntries()) {
			if (Files.isDirectory(entry)) {
				Path target = copies.resolve("classes-" + folder++);
				copyTree(entry, target);
				entries.add(target.toString());
			}
			else if (entry.toString().endsWith(".jar") && !entry.getFileName().toString().startsWith("surefire")) {
				Path copy = Files.copy(entry, copies.resolve(entry.getFileName()), StandardCopyOption.REPLACE_EXISTING);
				Files.setPosixFilePermissions(copy, PosixFilePermissions.fromString("rw-r--r--"));
			}
		}
		entries.add(copies + "/*");
		return String.join(":", entries);
	}

	private static void copyTree(Path from, Path to) throws IOException {
		try (var paths = Files.walk(from)) {
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

	/** Surefire starts tests from a jar whose manifest lists the real classpath. */
	private static List<Path> classpathEntries() throws IOException {
		List<Path> entries = new ArrayList<>();
		for (String element : System.getProperty("java.class.path").split(java.io.File.pathSeparator)) {
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

	/** Opens the folder and those above it up to (not including) the temporary root to every user. */
	private static void openToAll(Path folder) throws IOException {
		Path root = Path.of(System.getProperty("java.io.tmpdir")).toRealPath();
		for (Path step = folder.toRealPath(); step != null && step.startsWith(root) && !step.equals(root);
				step = step.getParent()) {
			Files.setPosixFilePermissions(step, PosixFilePermissions.fromString("rwxrwxrwx"));
		}
	}

}
