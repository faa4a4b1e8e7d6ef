package se.scbdelivery.config;

import java.io.InputStream;
import java.util.ArrayList;
import java.util.List;

import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The configuration metadata the build writes (what an IDE completes {@code scb.*} from)
 * names every setting the program knows, each with a description, and the defaults the
 * program binds.
 */
class ConfigurationMetadataTest {

	private final JsonNode metadata = read();

	@Test
	void namesEverySettingTheProgramKnowsAndNoOther() {
		assertThat(names()).containsExactlyInAnyOrderElementsOf(KnownSettings.all());
	}

	@Test
	void everySettingHasADescription() {
		assertThat(this.metadata.get("properties").valueStream())
			.allSatisfy((property) -> assertThat(property.path("description").asString("")).as(property.toString())
				.isNotBlank()
				.doesNotContain("{@"));
	}

	@Test
	void givesTheDefaultsTheProgramBinds() {
		assertThat(defaultOf("scb.environment")).isEqualTo("test");
		assertThat(defaultOf("scb.upload.fragment-size")).isEqualTo("9216000");
		assertThat(defaultOf("scb.http.completion-timeout")).isEqualTo("30m");
		assertThat(defaultOf("scb.recovery.stale-after")).isEqualTo("2m");
		assertThat(defaultOf("scb.report.dir")).isEqualTo("./reports");
	}

	private List<String> names() {
		List<String> names = new ArrayList<>();
		this.metadata.get("properties").valueStream().forEach((property) -> names.add(property.get("name").asString()));
		return names;
	}

	private String defaultOf(String name) {
		return this.metadata.get("properties")
			.valueStream()
			.filter((property) -> property.get("name").asString().equals(name))
			.findFirst()
			.orElseThrow()
			.path("defaultValue")
			.asString();
	}

	private static JsonNode read() {
		try (InputStream in = ConfigurationMetadataTest.class
			.getResourceAsStream("/META-INF/spring-configuration-metadata.json")) {
			assertThat(in).as("the build's configuration metadata").isNotNull();
			return JsonMapper.builder().build().readTree(in);
		}
		catch (java.io.IOException ex) {
			throw new IllegalStateException(ex);
		}
	}

}
