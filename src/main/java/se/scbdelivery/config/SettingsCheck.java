package se.scbdelivery.config;

import java.net.URI;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Arrays;
import java.util.Locale;
import java.util.stream.Collectors;

import org.jspecify.annotations.Nullable;

import org.springframework.boot.context.event.ApplicationEnvironmentPreparedEvent;
import org.springframework.boot.context.logging.LoggingApplicationListener;
import org.springframework.boot.context.properties.bind.BindException;
import org.springframework.boot.context.properties.bind.BindHandler;
import org.springframework.boot.context.properties.bind.Bindable;
import org.springframework.boot.context.properties.bind.Binder;
import org.springframework.boot.context.properties.bind.UnboundConfigurationPropertiesException;
import org.springframework.boot.context.properties.bind.handler.NoUnboundElementsBindHandler;
import org.springframework.boot.context.properties.source.ConfigurationProperty;
import org.springframework.boot.context.properties.source.ConfigurationPropertySource;
import org.springframework.context.ApplicationListener;
import org.springframework.core.Ordered;
import org.springframework.core.convert.ConversionFailedException;
import org.springframework.core.env.ConfigurableEnvironment;
import org.springframework.core.env.PropertySource;
import org.springframework.core.env.StandardEnvironment;

/**
 * Refuses bad settings before anything is created: every {@code scb.*} setting is bound
 * as the application will bind it, an unknown {@code scb.*} name is refused with the
 * nearest known one, and a job repository URL no driver here takes is refused. Runs once
 * the environment is prepared and logging is set up (so the detail reaches the log file),
 * before any bean, data source or folder exists.
 *
 * <p>
 * Environment variables are bound but their names are not checked: the platform sets
 * {@code SCB_}-prefixed variables of its own (Kubernetes' service links for a service
 * named {@code scb}, for example).
 */
class SettingsCheck implements ApplicationListener<ApplicationEnvironmentPreparedEvent>, Ordered {

	private static final String DATASOURCE_URL = "spring.datasource.url";

	@Override
	public int getOrder() {
		return LoggingApplicationListener.DEFAULT_ORDER + 1;
	}

	@Override
	public void onApplicationEvent(ApplicationEnvironmentPreparedEvent event) {
		// StartupRefusals reports a refusal: one line on the console, the detail in the
		// log
		ConfigurableEnvironment environment = event.getEnvironment();
		bindScbSettings(environment);
		checkDatasourceUrl(environment.getProperty(DATASOURCE_URL));
	}

	private static void bindScbSettings(ConfigurableEnvironment environment) {
		BindHandler handler = new NoUnboundElementsBindHandler(BindHandler.DEFAULT, SettingsCheck::namesChecked);
		ScbProperties properties;
		try {
			properties = Binder.get(environment).bindOrCreate("scb", Bindable.of(ScbProperties.class), handler);
		}
		catch (BindException ex) {
			throw new InvalidSettingException(explain(ex), ex);
		}
		// settings that are fine one by one but not together: a delivery for a real
		// company must not go to a stand-in, nor a test file to production
		properties.environmentMismatch().ifPresent((reason) -> {
			throw new InvalidSettingException(reason);
		});
	}

	private static boolean namesChecked(ConfigurationPropertySource source) {
		return !(source.getUnderlyingSource() instanceof PropertySource<?> underlying
				&& StandardEnvironment.SYSTEM_ENVIRONMENT_PROPERTY_SOURCE_NAME.equals(underlying.getName()));
	}

	static String explain(BindException ex) {
		Throwable cause = ex.getCause();
		if (cause instanceof UnboundConfigurationPropertiesException unbound) {
			return unbound.getUnboundProperties()
				.stream()
				.map(ConfigurationProperty::getName)
				.map(Object::toString)
				.sorted()
				.findFirst()
				.map(SettingsCheck::unknown)
				.orElse("an scb.* setting is not known: see config/application.yml");
		}
		ConfigurationProperty property = ex.getProperty();
		for (Throwable c = cause; c != null; c = c.getCause()) {
			if (c instanceof ConversionFailedException conversion && property != null) {
				return property.getName() + ": '" + property.getValue() + "' is not "
						+ accepted(conversion.getTargetType().getType());
			}
			if (c instanceof IllegalArgumentException && c.getMessage() != null && c.getMessage().startsWith("scb.")) {
				return c.getMessage();
			}
		}
		String name = (property != null) ? property.getName().toString() : ex.getName().toString();
		return name + ": cannot be used (" + rootMessage(ex) + "): see config/application.yml";
	}

	private static String unknown(String name) {
		return name + ": no such setting"
				+ KnownSettings.closest(name)
					.map((known) -> "; did you mean " + known + "?")
					.orElse("; config/application.yml lists every scb.* setting");
	}

	private static String accepted(Class<?> type) {
		if (type.isEnum()) {
			return "one of " + Arrays.stream(type.getEnumConstants())
				.map((constant) -> ((Enum<?>) constant).name().toLowerCase(Locale.ROOT))
				.collect(Collectors.joining(", "));
		}
		if (type == Duration.class) {
			return "a duration, such as 500ms, 30s, 5m or 24h";
		}
		if (type == int.class || type == Integer.class || type == long.class || type == Long.class) {
			return "a whole number";
		}
		if (type == double.class || type == Double.class) {
			return "a number";
		}
		if (type == boolean.class || type == Boolean.class) {
			return "true or false";
		}
		if (type == URI.class) {
			return "a URL, such as https://test.m2m.gdb.scb.se/m2m/v2/";
		}
		if (type == Path.class) {
			return "a path";
		}
		return "a " + type.getSimpleName();
	}

	private static String rootMessage(Throwable ex) {
		Throwable root = ex;
		while (root.getCause() != null && root.getCause() != root) {
			root = root.getCause();
		}
		return String.valueOf(root.getMessage());
	}

	/**
	 * A URL the program cannot use would fail deep inside the start with a page of
	 * Spring's words. The job repository's migrations exist for H2 and PostgreSQL, and
	 * those are the drivers the program brings. Only the URL's scheme is shown: the rest
	 * may hold a password.
	 */
	static void checkDatasourceUrl(@Nullable String url) {
		if (url == null || url.isBlank()) {
			return;
		}
		String accepted = "write jdbc:h2:file:PATH or jdbc:postgresql://HOST:PORT/DATABASE";
		if (!url.startsWith("jdbc:")) {
			throw new InvalidSettingException(
					DATASOURCE_URL + ": '" + scheme(url) + "…' is not a JDBC URL (it starts with jdbc:): " + accepted);
		}
		if (!url.startsWith("jdbc:h2:") && !url.startsWith("jdbc:postgresql:")) {
			throw new InvalidSettingException(
					DATASOURCE_URL + ": no JDBC driver here takes '" + scheme(url) + "…' URLs: " + accepted);
		}
	}

	private static String scheme(String url) {
		int first = url.indexOf(':');
		int second = (first >= 0) ? url.indexOf(':', first + 1) : -1;
		return (second > 0) ? url.substring(0, second + 1) : url.substring(0, Math.min(url.length(), 10));
	}

}
