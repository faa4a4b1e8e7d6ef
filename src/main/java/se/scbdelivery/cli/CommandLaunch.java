package se.scbdelivery.cli;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.Map;
import java.util.Set;

import org.springframework.boot.SpringApplication;
import org.springframework.boot.context.event.ApplicationEnvironmentPreparedEvent;
import org.springframework.context.ApplicationListener;
import org.springframework.context.event.ContextClosedEvent;
import org.springframework.core.env.MapPropertySource;

import se.scbdelivery.scb.http.ClientWarmup;
import se.scbdelivery.simulator.ScbStandIn;
import se.scbdelivery.simulator.StandInOptions;

/**
 * Prepares the application before it starts: for the commands that call SCB, their first
 * call (ClientWarmup); for the two commands that must not use the operator's job
 * repository. {@code demo}: an in-process stand-in on a free port, and a fresh job
 * repository and report folder in a temporary directory, so the demo shows the whole flow
 * every time and touches nothing of a real installation. {@code simulate}: an in-memory
 * job repository, so a stand-in never holds the H2 file that deliveries in the same
 * folder need.
 */
public final class CommandLaunch {

	/** The commands that call SCB: their first call is prepared while Spring starts. */
	private static final Set<String> CALLS_SCB = Set.of("scan", "deliver", "restart", "heartbeat", "demo");

	private CommandLaunch() {
	}

	/** Does nothing for the other commands. */
	public static void prepare(SpringApplication application, String[] args) {
		String command = Arrays.stream(args).filter((arg) -> !arg.startsWith("-")).findFirst().orElse("");
		if (command.equals("simulate")) {
			application.addInitializers((context) -> context.getEnvironment()
				.getPropertySources()
				.addFirst(new MapPropertySource("simulate",
						Map.of("spring.datasource.url", "jdbc:h2:mem:simulate;DB_CLOSE_DELAY=-1"))));
		}
		if (command.equals("demo")) {
			prepareDemo(application);
		}
		if (CALLS_SCB.contains(command)) {
			// as soon as logging is set up (Netty logs as it loads, and Boot's logging
			// listener runs first), before the context is even made
			application.addListeners((ApplicationListener<ApplicationEnvironmentPreparedEvent>) (event) -> ClientWarmup
				.startInBackground());
		}
	}

	private static void prepareDemo(SpringApplication application) {
		// started here, after Spring Boot has set up logging, so its messages go where
		// all others do
		application.addInitializers((context) -> {
			Path dir = temporaryDirectory();
			ScbStandIn standIn = ScbStandIn.start(StandInOptions.defaults().withPort(0).withPollsBeforeFinal(2));
			Map<String, Object> settings = Map.of("scb.gdb.base-url", standIn.gdbBaseUrl().toString(),
					"scb.generic.base-url", standIn.genericBaseUrl().toString(), "scb.environment", "test",
					"scb.tls.key-store", "", "scb.report.dir", dir.resolve("reports").toString(),
					// the H2 settings the program relies on are added to this as to any
					// (repository/DurableJobRepositoryUrl runs after this initializer)
					"spring.datasource.url", "jdbc:h2:file:" + dir.resolve("data/scb-delivery"), "scb.poll.interval",
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
