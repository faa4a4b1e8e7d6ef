package se.scbdelivery.testsupport;

import java.nio.file.Path;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.function.Supplier;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import org.springframework.test.context.DynamicPropertyRegistry;

import se.scbdelivery.config.ScbProperties;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The harness's one list of settings: what it holds, and how a test states a difference.
 */
class ProductSettingsTest {

	@TempDir
	Path work;

	@Test
	void theStandardPutsTheJobRepositoryAndReportsInTheWorkFolderAndTheLogUnderTarget() {
		ProductSettings settings = ProductSettings.standard(ProductSettingsTest.class, this.work);

		// plain, as an operator writes it: the program adds the H2 settings it relies on
		assertThat(settings.jobRepositoryUrl()).isEqualTo("jdbc:h2:file:" + this.work.resolve("jobrepo"));
		assertThat(settings.reportDir()).isEqualTo(this.work.resolve("reports"));
		assertThat(settings.logFile()).startsWithRaw(TestOutput.target().resolve("test-output/ProductSettingsTest"));
		assertThat(settings.logFile()).startsWithRaw(settings.outputFolder());
		assertThat(settings.value("scb.http.max-attempts")).isEqualTo("2");
		assertThat(settings.value("scb.upload.fragment-size")).isEqualTo("1000");
	}

	@Test
	void aNamedSettingReplacesTheStandardValueInItsPlaceAndLeavesTheOriginalAlone() {
		ProductSettings standard = ProductSettings.standard(ProductSettingsTest.class, this.work);

		ProductSettings threeAttempts = standard.httpMaxAttempts(3);

		assertThat(threeAttempts.arguments()).filteredOn((arg) -> arg.startsWith("--scb.http.max-attempts="))
			.containsExactly("--scb.http.max-attempts=3");
		assertThat(threeAttempts.arguments().indexOf("--scb.http.max-attempts=3"))
			.isEqualTo(standard.arguments().indexOf("--scb.http.max-attempts=2"));
		assertThat(standard.value("scb.http.max-attempts")).isEqualTo("2");
		assertThat(standard.without("scb.inbox.settle").value("scb.inbox.settle")).isNull();
	}

	@Test
	void theCommandComesFirstThenEverySetting() {
		ProductSettings settings = ProductSettings.standard(ProductSettingsTest.class, this.work);

		String[] commandLine = settings.commandLine("list", "--json");

		assertThat(commandLine).startsWith("list", "--json").hasSize(2 + settings.arguments().size());
	}

	@Test
	void aSpringContextGetsEverySettingButLoggingWhichIsSetUpBeforeIt() {
		ProductSettings settings = ProductSettings.standard(ProductSettingsTest.class, this.work);
		Map<String, Supplier<Object>> registered = new LinkedHashMap<>();
		DynamicPropertyRegistry registry = registered::put;

		settings.registerIn(registry);

		assertThat(registered).containsKeys("spring.datasource.url", "scb.report.dir", "scb.poll.interval")
			.doesNotContainKey("logging.file.name");
		assertThat(registered.get("scb.poll.interval").get()).isEqualTo("10ms");
	}

	@Test
	void aPartTakingScbPropertiesGetsTheSameSettingsBound() {
		ScbProperties properties = ProductSettings.standard(ProductSettingsTest.class, this.work)
			.httpMaxAttempts(4)
			.scbProperties();

		assertThat(properties.http().maxAttempts()).isEqualTo(4);
		assertThat(properties.http().initialBackoff()).isEqualTo(Duration.ofMillis(1));
		assertThat(properties.upload().fragmentSize()).isEqualTo(1000);
		assertThat(properties.poll().interval()).isEqualTo(Duration.ofMillis(10));
	}

	@Test
	void postgresIsThisJvmsFreshDatabase() {
		ProductSettings onPostgres = ProductSettings.standard(ProductSettingsTest.class, this.work).postgres();

		assertThat(onPostgres.jobRepositoryUrl()).isEqualTo(PostgresTestDatabase.url());
		assertThat(onPostgres.properties()).containsEntry("spring.datasource.username", "postgres")
			.containsEntry("spring.datasource.password", "");
	}

}
