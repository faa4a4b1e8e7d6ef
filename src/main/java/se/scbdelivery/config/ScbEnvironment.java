package se.scbdelivery.config;

import java.net.URI;

import org.jspecify.annotations.Nullable;

/**
 * SCB's two environments. They use different client certificates and keep files apart, so
 * the environment is part of what identifies a delivery.
 */
public enum ScbEnvironment {

	/** SCB's documents name no test host for the generic service. */
	TEST(URI.create("https://test.m2m.gdb.scb.se/m2m/v2/"), null),

	PRODUCTION(URI.create("https://m2m.gdb.scb.se/m2m/v2/"), URI.create("https://m2m.scb.se/API/"));

	private final URI gdbBaseUrl;

	private final @Nullable URI genericBaseUrl;

	ScbEnvironment(URI gdbBaseUrl, @Nullable URI genericBaseUrl) {
		this.gdbBaseUrl = gdbBaseUrl;
		this.genericBaseUrl = genericBaseUrl;
	}

	public @Nullable URI genericBaseUrl() {
		return this.genericBaseUrl;
	}

	public URI gdbBaseUrl() {
		return this.gdbBaseUrl;
	}

	public String key() {
		return name().toLowerCase(java.util.Locale.ROOT);
	}

}
