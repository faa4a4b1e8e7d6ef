package se.scbdelivery.config;

import java.io.IOException;
import java.lang.reflect.RecordComponent;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;

import org.junit.jupiter.api.Test;

import org.springframework.boot.context.properties.bind.Binder;
import org.springframework.boot.context.properties.source.ConfigurationPropertySources;
import org.springframework.boot.context.properties.source.MapConfigurationPropertySource;
import org.springframework.boot.env.YamlPropertySourceLoader;
import org.springframework.core.env.PropertySource;
import org.springframework.core.io.FileSystemResource;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The operator's file, config/application.yml, lists every setting with its true default.
 */
class OperatorConfigurationTest {

	private static final Path OPERATOR_FILE = Path.of("config/application.yml");

	@Test
	void statesTheSameDefaultsTheProgramHas() throws IOException {
		List<PropertySource<?>> yaml = new YamlPropertySourceLoader().load("operator",
				new FileSystemResource(OPERATOR_FILE));

		ScbProperties documented = new Binder(ConfigurationPropertySources.from(yaml)).bindOrCreate("scb",
				ScbProperties.class);
		ScbProperties built = new Binder(new MapConfigurationPropertySource(Map.of())).bindOrCreate("scb",
				ScbProperties.class);

		assertThat(documented).isEqualTo(built);
	}

	@Test
	void listsEverySetting() throws IOException {
		String text = Files.readString(OPERATOR_FILE);
		List<String> settings = settings(ScbProperties.class, "scb");
		assertThat(settings).contains("scb.tls.key-store-password-file", "scb.poll.timeout",
				"scb.recovery.stale-after");
		for (String setting : settings) {
			String leaf = setting.substring(setting.lastIndexOf('.') + 1);
			assertThat(text).as(setting + " in " + OPERATOR_FILE).containsPattern("(?m)^\\s*(# )?" + leaf + ":");
		}
	}

	private static List<String> settings(Class<?> type, String prefix) {
		List<String> names = new ArrayList<>();
		for (RecordComponent component : type.getRecordComponents()) {
			String name = prefix + "." + component.getName().replaceAll("([A-Z])", "-$1").toLowerCase(Locale.ROOT);
			if (component.getType().isRecord()) {
				names.addAll(settings(component.getType(), name));
			}
			else {
				names.add(name);
			}
		}
		return names;
	}

}
