package se.scbdelivery.repository;

import java.util.Map;

import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import org.springframework.boot.context.event.ApplicationPreparedEvent;
import org.springframework.boot.context.properties.source.ConfigurationPropertySources;
import org.springframework.boot.origin.Origin;
import org.springframework.boot.origin.OriginLookup;
import org.springframework.context.ApplicationListener;
import org.springframework.core.env.CommandLinePropertySource;
import org.springframework.core.env.ConfigurableEnvironment;
import org.springframework.core.env.MapPropertySource;
import org.springframework.core.env.PropertySource;

import se.scbdelivery.config.ConsoleLogFilter;

/**
 * Gives the job repository's URL what the program relies on ({@link H2Durability}),
 * wherever it was set: {@code config/application.yml}, {@code --spring.datasource.url=},
 * {@code SPRING_DATASOURCE_URL}, or a command's own (the demo's). It runs once the
 * application is prepared, when every one of those is in the environment and logging is
 * set up, and before the context is refreshed, so before anything opens the database.
 * Registered in {@code META-INF/spring.factories}, so every Spring Boot application of
 * the program, the tests' included, has it.
 */
class DurableJobRepositoryUrl implements ApplicationListener<ApplicationPreparedEvent> {

	private static final String PROPERTY = "spring.datasource.url";

	private static final Logger logger = LoggerFactory.getLogger(DurableJobRepositoryUrl.class);

	@Override
	public void onApplicationEvent(ApplicationPreparedEvent event) {
		ConfigurableEnvironment environment = event.getApplicationContext().getEnvironment();
		String url = environment.getProperty(PROPERTY);
		if (url == null) {
			return;
		}
		H2Durability.amend(url, PROPERTY + origin(environment)).ifPresent((amended) -> {
			environment.getPropertySources()
				.addFirst(new MapPropertySource("scbDurableJobRepository", Map.of(PROPERTY, amended.url())));
			// the log file only: a console line on every run would say nothing the
			// operator must act on
			logger.info(ConsoleLogFilter.FILE_ONLY,
					"The job repository's URL {} lacked {}: added, so that every commit is in the file before the "
							+ "next fragment is sent and a SIGTERM leaves the database open for the graceful stop",
					amended.written(), String.join(";", amended.added()));
		});
	}

	/**
	 * Where the URL was set, to say where to correct it: " (on the command line)", " (URL
	 * [file:config/application.yml] - 3:10)", " (System Environment Property
	 * "SPRING_DATASOURCE_URL")".
	 */
	private static String origin(ConfigurableEnvironment environment) {
		for (PropertySource<?> source : environment.getPropertySources()) {
			if (ConfigurationPropertySources.isAttachedConfigurationPropertySource(source)
					|| !source.containsProperty(PROPERTY)) {
				continue;
			}
			if (source instanceof CommandLinePropertySource) {
				return " (on the command line)";
			}
			Origin origin = (source instanceof OriginLookup<?>) ? origin(source) : null;
			return " (" + ((origin != null) ? origin : source.getName()) + ")";
		}
		return "";
	}

	@SuppressWarnings("unchecked")
	private static @Nullable Origin origin(PropertySource<?> source) {
		return ((OriginLookup<String>) source).getOrigin(PROPERTY);
	}

}
