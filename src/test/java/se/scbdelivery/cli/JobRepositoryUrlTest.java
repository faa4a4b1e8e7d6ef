package se.scbdelivery.cli;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

import se.scbdelivery.simulator.ScbStandIn;
import se.scbdelivery.simulator.StandInOptions;
import se.scbdelivery.simulator.gdb.ReceivedFragment;
import se.scbdelivery.simulator.server.Faults.Call;
import se.scbdelivery.testsupport.ChildJvm;
import se.scbdelivery.testsupport.CliResult;
import se.scbdelivery.testsupport.InProcessCli;
import se.scbdelivery.testsupport.ProductSettings;
import se.scbdelivery.testsupport.TestFiles;

import static org.assertj.core.api.Assertions.assertThat;
import static se.scbdelivery.testsupport.InProcessCli.assertNoJavaInternals;

/**
 * The job repository's H2 URL as an operator writes it, through the real entry point,
 * from each place it can be set (the command line, {@code SPRING_DATASOURCE_URL},
 * {@code config/application.yml}): a plain one gets the settings the program relies on
 * and works on a job repository written before; one that contradicts them is invalid
 * input, refused in one line before the database is opened or anything is sent.
 */
class JobRepositoryUrlTest {

	private static final String URL_PROPERTY = "spring.datasource.url";

	@TempDir
	Path dir;

	private ScbStandIn scb;

	private ProductSettings settings;

	private Path file;

	@BeforeEach
	void standIn() {
		this.scb = ScbStandIn.start(StandInOptions.defaults().withPollsBeforeFinal(1));
		this.settings = ProductSettings.standard(JobRepositoryUrlTest.class, this.dir).standIn(this.scb);
		this.file = TestFiles.xml(this.dir.resolve("inbox"), "vinn.xml", 3_500, null);
	}

	@AfterEach
	void stopStandIn() {
		this.scb.close();
	}

	static Stream<Arguments> contradictingSettings() {
		String writeDelay = "sets WRITE_DELAY=500, but every commit of the job repository must be in its file at once "
				+ "(WRITE_DELAY=0), or a killed process loses the newest fragment checkpoints and the next run uploads "
				+ "again what SCB had acknowledged: remove WRITE_DELAY from the URL (this program sets it)";
		String closeOnExit = "sets DB_CLOSE_ON_EXIT=TRUE, but H2 must not close the job repository when the JVM exits "
				+ "(DB_CLOSE_ON_EXIT=FALSE), or a SIGTERM closes it under the running deliveries and they cannot be "
				+ "recorded as STOPPED: remove DB_CLOSE_ON_EXIT from the URL (this program sets it)";
		return Stream.of(Arguments.of(";WRITE_DELAY=500", writeDelay),
				Arguments.of(";write_delay=100", "sets WRITE_DELAY=100, but every commit"),
				Arguments.of(";DB_CLOSE_ON_EXIT=TRUE", closeOnExit), Arguments.of(";AUTO_SERVER=TRUE",
						"sets AUTO_SERVER=TRUE, which H2 cannot combine with DB_CLOSE_ON_EXIT=FALSE"));
	}

	@ParameterizedTest(name = "{0}")
	@MethodSource("contradictingSettings")
	void aUrlThatContradictsTheSettingsIsRefusedInOneLineAndNothingIsCreatedOrSent(String settings, String reason)
			throws IOException {
		String url = "jdbc:h2:file:" + this.dir.resolve("jobrepo") + ";PASSWORD=s3cret-in-the-url" + settings;

		CliResult result = deliver(this.settings.jobRepositoryUrl(url));

		assertThat(result.exitCode()).as(result.toString()).isEqualTo(2);
		assertThat(consoleLines(result)).as(result.toString())
			.singleElement()
			.asString()
			.startsWith("error: spring.datasource.url (on the command line) " + reason);
		assertNoJavaInternals(result);
		assertThat(result.out()).isEmpty();
		assertThat(this.scb.heartbeatCount()).isZero();
		assertThat(this.scb.fragments()).isEmpty();
		assertThat(this.dir.resolve("jobrepo.mv.db")).as("the job repository's file").doesNotExist();
		assertThat(Files.readString(this.settings.logFile(), StandardCharsets.UTF_8)).contains("exit 2")
			.doesNotContain("s3cret-in-the-url");
		assertThat(result.err()).doesNotContain("s3cret-in-the-url");
	}

	@Test
	void aContradictingUrlFromTheEnvironmentNamesTheVariable() {
		String url = "jdbc:h2:" + this.dir.resolve("jobrepo") + ";DB_CLOSE_ON_EXIT=TRUE";

		CliResult result = ChildJvm.withSettings(this.settings.without(URL_PROPERTY))
			.environment(Map.of("SPRING_DATASOURCE_URL", url))
			.run("list");

		assertThat(result.exitCode()).as(result.toString()).isEqualTo(2);
		assertThat(consoleLines(result)).as(result.toString())
			.singleElement()
			.asString()
			.startsWith("error: spring.datasource.url (System Environment Property \"SPRING_DATASOURCE_URL\") sets "
					+ "DB_CLOSE_ON_EXIT=TRUE, but H2 must not close the job repository");
		assertThat(this.dir.resolve("jobrepo.mv.db")).doesNotExist();
	}

	@Test
	void aContradictingUrlInConfigApplicationYmlNamesTheFile() throws IOException {
		Path workingDirectory = operatorConfiguration("jdbc:h2:./data/jobrepo;WRITE_DELAY=500");

		CliResult result = ChildJvm.withSettings(this.settings.without(URL_PROPERTY))
			.workingDirectory(workingDirectory)
			.run("list");

		assertThat(result.exitCode()).as(result.toString()).isEqualTo(2);
		assertThat(consoleLines(result)).as(result.toString())
			.singleElement()
			.asString()
			.startsWith("error: spring.datasource.url (URL [file:config/application.yml] - 3:10) sets "
					+ "WRITE_DELAY=500, but every commit");
		assertThat(workingDirectory.resolve("data")).doesNotExist();
	}

	@Test
	void aPlainUrlFromTheEnvironmentOrConfigApplicationYmlGetsBothSettings() throws IOException {
		Path fromConfig = operatorConfiguration("jdbc:h2:./data/jobrepo");
		String fromEnvironment = "jdbc:h2:file:" + this.dir.resolve("env/jobrepo");

		CliResult configured = ChildJvm.withSettings(this.settings.without(URL_PROPERTY))
			.workingDirectory(fromConfig)
			.run("list");
		CliResult environment = ChildJvm.withSettings(this.settings.without(URL_PROPERTY))
			.environment(Map.of("SPRING_DATASOURCE_URL", fromEnvironment))
			.run("list");

		assertThat(configured.exitCode()).as(configured.toString()).isZero();
		assertThat(environment.exitCode()).as(environment.toString()).isZero();
		assertThat(configured.out()).contains("No deliveries recorded yet.");
		assertThat(fromConfig.resolve("data/jobrepo.mv.db")).exists();
		assertThat(this.dir.resolve("env/jobrepo.mv.db")).exists();
		// one line each, in the log file only: the console stays the program's own
		assertThat(Files.readString(this.settings.logFile(), StandardCharsets.UTF_8))
			.containsOnlyOnce("The job repository's URL jdbc:h2:./data/jobrepo lacked DB_CLOSE_ON_EXIT=FALSE;"
					+ "WRITE_DELAY=0: added")
			.containsOnlyOnce("The job repository's URL " + fromEnvironment + " lacked DB_CLOSE_ON_EXIT=FALSE;"
					+ "WRITE_DELAY=0: added");
		assertThat(configured.err() + environment.err()).doesNotContain("lacked");
	}

	@Test
	void aJobRepositoryWrittenWithTheSettingsInItsUrlIsListedAndResumedWithAPlainOne() throws IOException {
		// given a delivery that failed at fragment 2, run with the URL the README once
		// asked operators to copy
		String plain = "jdbc:h2:file:" + this.dir.resolve("jobrepo");
		this.scb.faults().respond(Call.FRAGMENT, 2, Integer.MAX_VALUE, 500);
		CliResult failed = deliver(this.settings.jobRepositoryUrl(plain + ";DB_CLOSE_ON_EXIT=FALSE;WRITE_DELAY=0"));
		assertThat(failed.exitCode()).as(failed.toString()).isEqualTo(1);
		this.scb.faults().clear();

		// when list and restart run on the same file with the plain URL
		ProductSettings plainUrl = this.settings.jobRepositoryUrl(plain);
		CliResult list = InProcessCli.run(plainUrl, "list");
		CliResult restarted = InProcessCli.run(plainUrl, "restart", String.valueOf(failed.execution()));

		// then both read what the first run wrote, and the upload resumes at fragment 2
		assertThat(list.exitCode()).as(list.toString()).isZero();
		assertThat(list.out()).contains(String.valueOf(failed.execution())).contains("FAILED");
		assertThat(restarted.exitCode()).as(restarted.toString()).isZero();
		assertThat(restarted.out()).contains("Resuming the upload at fragment 2 of 4");
		assertThat(this.scb.fragments().stream().map(ReceivedFragment::index)).containsExactly(0, 1, 2, 2, 2, 3, -1);
		assertThat(this.scb.deliveries()).singleElement()
			.satisfies((delivery) -> assertThat(delivery.content()).isEqualTo(Files.readAllBytes(this.file)));
	}

	/** A working directory whose {@code config/application.yml} sets the URL. */
	private Path operatorConfiguration(String url) throws IOException {
		Path workingDirectory = Files.createDirectories(this.dir.resolve("operator"));
		Files.createDirectories(workingDirectory.resolve("config"));
		Files.writeString(workingDirectory.resolve("config/application.yml"),
				"spring:\n  datasource:\n    url: \"" + url + "\"\n");
		return workingDirectory;
	}

	/**
	 * What stderr shows a person, without the one-time warning of the test classpath's
	 * second SLF4J provider.
	 */
	private static List<String> consoleLines(CliResult result) {
		return result.err().lines().filter((line) -> !line.startsWith("SLF4J")).toList();
	}

	private CliResult deliver(ProductSettings settings) {
		return InProcessCli.run(settings, "deliver", "--file", this.file.toString(), "--org", "999000-0045",
				"--program", "VINN", "--period", "2024-06-30", "--format", "V40");
	}

}
