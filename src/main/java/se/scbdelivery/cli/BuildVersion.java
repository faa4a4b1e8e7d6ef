package se.scbdelivery.cli;

import java.io.IOException;
import java.io.InputStream;
import java.util.Properties;

import picocli.CommandLine.IVersionProvider;

/**
 * The version the build wrote into {@code META-INF/build-info.properties} (Spring Boot's
 * {@code build-info} goal), so {@code --version} says which build is running.
 */
final class BuildVersion implements IVersionProvider {

	static final String RESOURCE = "/META-INF/build-info.properties";

	@Override
	public String[] getVersion() throws IOException {
		return new String[] { "scb-delivery " + version() };
	}

	static String version() throws IOException {
		try (InputStream in = BuildVersion.class.getResourceAsStream(RESOURCE)) {
			if (in == null) {
				return "(unknown: this build wrote no " + RESOURCE + ")";
			}
			Properties build = new Properties();
			build.load(in);
			return build.getProperty("build.version", "(unknown)") + " (built "
					+ build.getProperty("build.time", "at an unknown time") + ")";
		}
	}

}
