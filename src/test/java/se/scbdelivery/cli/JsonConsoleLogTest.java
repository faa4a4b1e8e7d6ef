package se.scbdelivery.cli;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

import se.scbdelivery.simulator.ScbStandIn;
import se.scbdelivery.simulator.StandInOptions;
import se.scbdelivery.testsupport.ChildJvm;
import se.scbdelivery.testsupport.CliResult;
import se.scbdelivery.testsupport.ProductSettings;
import se.scbdelivery.testsupport.TestFiles;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * {@code scb.log.format}: with {@code json} every console line of a real delivery is one
 * JSON object; with the default, the console and the log file are text as before.
 */
class JsonConsoleLogTest {

	@TempDir
	Path dir;

	private ScbStandIn scb;

	private ProductSettings settings;

	@BeforeEach
	void plainHttpStandIn() {
		this.scb = ScbStandIn.start(StandInOptions.defaults().withPollsBeforeFinal(1));
		this.settings = ProductSettings.standard(JsonConsoleLogTest.class, this.dir).standIn(this.scb);
	}

	@AfterEach
	void stopStandIn() {
		this.scb.close();
	}

	@Test
	void withJsonEveryConsoleLineIsAJsonObjectWithTimestampLevelAndMessage() throws IOException {
		CliResult result = deliver(this.settings.with("scb.log.format", "json"));

		assertThat(result.exitCode()).as(result.toString()).isZero();
		List<String> lines = result.err().lines().filter((line) -> !line.isBlank()).toList();
		assertThat(lines).as(result.toString()).isNotEmpty();
		for (String line : lines) {
			JsonNode event = JsonMapper.shared().readTree(line);
			assertThat(event.isObject()).as(line).isTrue();
			assertThat(event.get("@timestamp").asString()).as(line).isNotBlank();
			assertThat(event.get("level").asString()).as(line).isIn("INFO", "WARN", "ERROR");
			assertThat(event.get("message").asString()).as(line).isNotBlank();
		}
		assertThat(lines.stream()
			.map((line) -> JsonMapper.shared().readTree(line))
			.filter((event) -> event.get("message").asString().startsWith("Fragment 0/")))
			.as("the delivery's own lines name it")
			.singleElement()
			.satisfies((event) -> {
				assertThat(event.get("organisation").asString()).isEqualTo("9990000045");
				assertThat(event.get("file").asString()).isEqualTo("vinn.xml");
				assertThat(event.get("execution").asString()).matches("\\d+");
			});
		assertThat(result.out()).contains("LOADED (exit 0)");
		assertTextLogFile();
	}

	@Test
	void withTheDefaultTheConsoleStaysTextOneLinePerEvent() throws IOException {
		CliResult result = deliver(this.settings);

		assertThat(result.exitCode()).as(result.toString()).isZero();
		assertThat(result.err().lines().filter((line) -> !line.isBlank())).as(result.toString())
			.isNotEmpty()
			.allMatch((line) -> line.matches("\\d\\d:\\d\\d:\\d\\d \\S+ (INFO |WARN |ERROR) .*"));
		assertTextLogFile();
	}

	private void assertTextLogFile() throws IOException {
		assertThat(Files.readAllLines(this.settings.logFile())).isNotEmpty().allMatch((line) -> !line.startsWith("{"));
	}

	private CliResult deliver(ProductSettings settings) {
		Path file = TestFiles.xml(this.dir.resolve("inbox"), "vinn.xml", 1_500, null);
		// logging is set up once per process: each run gets a JVM of its own
		return ChildJvm.withSettings(settings)
			.run("deliver", "--file", file.toString(), "--org", "999000-0045", "--program", "VINN", "--period",
					"2024-06-30", "--format", "V40");
	}

}
