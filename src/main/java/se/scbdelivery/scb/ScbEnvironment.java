package se.scbdelivery.scb;

import java.net.URI;

/**
 * SCB's two environments. They use different client certificates and keep files apart, so
 * the environment is part of what identifies a delivery.
 */
public enum ScbEnvironment {

	TEST(URI.create("https://test.m2m.gdb.scb.se/m2m/v2/")),

	PRODUCTION(URI.create("https://m2m.gdb.scb.se/m2m/v2/"));

	private final URI gdbBaseUrl;

	ScbEnvironment(URI gdbBaseUrl) {
		this.gdbBaseUrl = gdbBaseUrl;
	}

	public URI gdbBaseUrl() {
		return this.gdbBaseUrl;
	}

	public String key() {
		return name().toLowerCase(java.util.Locale.ROOT);
	}

}
