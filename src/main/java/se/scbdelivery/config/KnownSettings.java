package se.scbdelivery.config;

import java.lang.reflect.RecordComponent;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;

/**
 * Every {@code scb.*} name, read off {@link ScbProperties}' records, for the "did you
 * mean" of an unknown one: the same records the build's configuration metadata comes from
 * (a test holds the two lists equal), without reading that file at every start.
 */
final class KnownSettings {

	private static final List<String> NAMES = names("scb", ScbProperties.class);

	private KnownSettings() {
	}

	/** The known name closest to an unknown one, when it is close enough to be a typo. */
	static Optional<String> closest(String unknown) {
		return NearestName.to(unknown, NAMES);
	}

	static List<String> all() {
		return NAMES;
	}

	private static List<String> names(String prefix, Class<?> type) {
		List<String> names = new ArrayList<>();
		for (RecordComponent component : type.getRecordComponents()) {
			String name = prefix + "." + kebab(component.getName());
			if (component.getType().isRecord()) {
				names.addAll(names(name, component.getType()));
			}
			else {
				names.add(name);
			}
		}
		return List.copyOf(names);
	}

	private static String kebab(String camel) {
		return camel.replaceAll("([a-z0-9])([A-Z])", "$1-$2").toLowerCase(Locale.ROOT);
	}

}
