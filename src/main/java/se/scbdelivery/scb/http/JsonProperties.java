package se.scbdelivery.scb.http;

import java.util.Map;

import org.jspecify.annotations.Nullable;
import tools.jackson.databind.JsonNode;

/**
 * Reading SCB's JSON answers as SCB's own client does: property names in any case (the
 * docs write PascalCase, the services also answer camelCase), a JSON null the same as
 * absent.
 */
public final class JsonProperties {

	private JsonProperties() {
	}

	/** The property of that name in any case, or null when absent or JSON null. */
	public static @Nullable JsonNode property(JsonNode object, String name) {
		for (Map.Entry<String, JsonNode> property : object.properties()) {
			if (property.getKey().equalsIgnoreCase(name) && !property.getValue().isNull()) {
				return property.getValue();
			}
		}
		return null;
	}

	/** A scalar property as text (numbers as their text), or null. */
	public static @Nullable String text(JsonNode object, String name) {
		JsonNode value = property(object, name);
		return (value != null && value.isValueNode()) ? value.asString() : null;
	}

}
