package se.scbdelivery.cli;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.Map;

import org.springframework.boot.SpringApplication;
import org.springframework.context.event.ContextClosedEvent;
import org.springframework.core.env.MapPropertySource;

import se.scbdelivery.simulator.ScbStandIn;
import se.scbdelivery.simulator.StandInOptions;

/**
 * Prepares the application for {@code demo} before it starts: an in-process stand-in on a
 * free port, and a fresh job repository and report folder in a temporary directory, so the
 * demo shows the whole flow every time and touches nothing of a real installation.
 */
public final class DemoLaunch {

	private DemoLaunch() {
	}

	/** Does nothing unless the command is {@code demo}. */
	public static void prepare(SpringApplication application, String[] args) {
		boolean demo = Arrays.stream(args).filter((arg) -> !arg.startsWith("-")).findFirst().filter("demo"::equals)
			.isPresent();
		if (!demo) {
			return;
		}
		// started here, after Spring Boot has set up logging, so its messages go where all others do
		application.addInitializers((context) -> {
			Path dir = temporaryDirectory();
			ScbStandIn standIn = ScbStandIn.start(StandInOptions.defaults().withPort(0).withPollsBeforeFinal(2));
			Map<String, Object> settings = Map.of("scb.gdb.base-url", standIn.gdbBaseUrl().toString(),
					"scb.generic.base-url", standIn.genericBaseUrl().toString(),
					"scb.environment", "test", "scb.tls.key-store", "", "scb.report.dir",
					dir.resolve("reports").toString(), "spring.datasource.url",
					"jdbc:h2:file:" + dir.resolve("data/scb-delivery") + ";DB_CLOSE_ON_EXIT=FALSE;WRITE_DELAY=0", "scb.poll.interval",
					"200ms", "scb.poll.max-interval", "1s");
			context.getEnvironment().getPropertySources().addFirst(new MapPropertySource("demo", settings));
			context.getBeanFactory().registerSingleton(DemoCommand.STAND_IN, standIn);
			context.getBeanFactory().registerSingleton(DemoCommand.DIRECTORY, dir);
			context.addApplicationListener((event) -> {
				if (event instanceof ContextClosedEvent) {
					standIn.close();
				}
			});
		});
	}

	private static Path temporaryDirectory() {
		try {
			return Files.createTempDirectory("scb-delivery-demo-");
		}
		catch (IOException ex) {
			throw new UncheckedIOException("cannot create a folder for the demo: " + ex.getMessage(), ex);
		}
	}

}
