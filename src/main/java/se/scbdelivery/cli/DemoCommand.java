package se.scbdelivery.cli;

import java.io.IOException;
import java.io.PrintWriter;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import java.util.stream.Stream;

import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

import org.springframework.beans.factory.ObjectProvider;
import org.springframework.beans.factory.annotation.Qualifier;

import se.scbdelivery.config.ScbProperties;
import se.scbdelivery.delivery.GdbDeliveryRequest;
import se.scbdelivery.delivery.GenericDeliveryRequest;
import se.scbdelivery.delivery.launch.DeliveryLauncher;
import se.scbdelivery.delivery.outcome.DeliveryOutcome;
import se.scbdelivery.delivery.outcome.DeliveryResult;
import se.scbdelivery.delivery.outcome.DeliveryQuery;
import se.scbdelivery.delivery.outcome.RecentDeliveries;
import se.scbdelivery.report.DeliverySummary;
import se.scbdelivery.report.DeliveryTable;
import se.scbdelivery.scan.InboxFile;
import se.scbdelivery.scan.InboxScanner;
import se.scbdelivery.simulator.ScbStandIn;

@Command(name = "demo", mixinStandardHelpOptions = true,
		header = "Shows the whole flow against an in-process stand-in for SCB.",
		description = "Delivers every example file under jobs/examples/ ({org}/{program}/{period}/{format}/"
				+ "[{version}/]) through GDB and every file under jobs/generic/ through the generic service, to a "
				+ "stand-in on a free local port, prints each delivery's report, then delivers the first file again to "
				+ "show that a completed delivery is never sent twice. Needs no certificate and no server; "
				+ "uses a fresh job repository in a temporary folder.",
		exitCodeListHeading = "%nExit codes:%n",
		exitCodeList = { "0:every example reached SCB's final status", "1:a delivery failed technically",
				"2:the examples folder is missing or holds a file outside the layout" })
class DemoCommand implements Callable<Integer> {

	static final String STAND_IN = "demoStandIn";

	static final String DIRECTORY = "demoDirectory";

	@Spec
	private CommandSpec spec;

	@Option(names = "--examples", defaultValue = "jobs/examples", paramLabel = "<dir>",
			description = "The example inbox (default ${DEFAULT-VALUE}).")
	private Path examples;

	@Option(names = "--generic-examples", defaultValue = "jobs/generic", paramLabel = "<dir>",
			description = "Files for the generic service, sent as test deliveries of contract DEMO-1 "
					+ "(default ${DEFAULT-VALUE}).")
	private Path genericExamples;

	private final DeliveryLauncher launcher;

	private final RecentDeliveries reports;

	private final ScbProperties properties;

	private final ObjectProvider<ScbStandIn> standIn;

	private final ObjectProvider<Path> directory;

	DemoCommand(DeliveryLauncher launcher, RecentDeliveries reports, ScbProperties properties,
			@Qualifier(STAND_IN) ObjectProvider<ScbStandIn> standIn,
			@Qualifier(DIRECTORY) ObjectProvider<Path> directory) {
		this.launcher = launcher;
		this.reports = reports;
		this.properties = properties;
		this.standIn = standIn;
		this.directory = directory;
	}

	/** The example inbox's deliveries; any file outside the layout is invalid input. */
	private static List<GdbDeliveryRequest> examples(Path inbox) {
		List<GdbDeliveryRequest> requests = new ArrayList<>();
		for (InboxFile file : scan(inbox)) {
			if (!(file instanceof InboxFile.Ready ready)) {
				throw new IllegalArgumentException("example " + file.relative() + " cannot be delivered: " + file);
			}
			requests.add(ready.request());
		}
		return requests;
	}

	/**
	 * The generic service's examples: the visible regular files of the folder, in name
	 * order.
	 */
	private static List<Path> genericExamples(Path folder) {
		try (Stream<Path> files = Files.list(folder)) {
			return files.filter(Files::isRegularFile)
				.filter((file) -> !file.getFileName().toString().startsWith("."))
				.sorted()
				.toList();
		}
		catch (IOException ex) {
			throw new UncheckedIOException("cannot read the folder " + folder + ": " + ex.getMessage(), ex);
		}
	}

	private static List<InboxFile> scan(Path folder) {
		try {
			return new InboxScanner(() -> {
			}).scan(folder);
		}
		catch (InterruptedException ex) {
			Thread.currentThread().interrupt();
			throw new IllegalStateException("interrupted while reading " + folder, ex);
		}
	}

	@Override
	public Integer call() {
		ScbStandIn scb = this.standIn.getIfAvailable();
		if (scb == null) {
			throw new IllegalStateException("the demo's stand-in was not started: run 'demo' as the command");
		}
		if (!Files.isDirectory(this.examples)) {
			throw new IllegalArgumentException("the examples folder " + this.examples.toAbsolutePath()
					+ " does not exist: run the demo from the project folder, or give --examples");
		}
		PrintWriter out = this.spec.commandLine().getOut();
		out.println("scb-delivery demo");
		out.println("  stand-in SCB     " + scb.gdbBaseUrl() + " and " + scb.genericBaseUrl() + " (in this process)");
		out.println("  job repository   H2 file under " + this.directory.getObject().resolve("data"));
		out.println("  reports          " + this.properties.report().dir());
		out.println();
		List<GdbDeliveryRequest> requests = examples(this.examples);
		int worst = 0;
		for (GdbDeliveryRequest request : requests) {
			Path file = request.file();
			out.println("$ deliver --file '" + this.examples.toAbsolutePath().relativize(file) + "' --org "
					+ request.organisation().dashed() + " --program " + request.program() + " --period "
					+ request.referencePeriod() + " --format " + request.fileFormat()
					+ ((request.version() != null) ? " --version " + request.version() : ""));
			DeliveryResult result = this.launcher.deliver(request);
			DeliverySummary.print(result.report(), result.alreadyDelivered(), out);
			out.println();
			if (result.report().outcome() == DeliveryOutcome.FAILED
					|| result.report().outcome() == DeliveryOutcome.INVALID_INPUT) {
				worst = Math.max(worst, result.exitCode());
			}
		}
		if (Files.isDirectory(this.genericExamples)) {
			for (Path file : genericExamples(this.genericExamples)) {
				out.println("$ deliver --api generic --file '" + file + "' --contract DEMO-1 --test");
				DeliveryResult result = this.launcher
					.deliver(GenericDeliveryRequest.of(file, "DEMO-1", null, null, null, true));
				DeliverySummary.print(result.report(), result.alreadyDelivered(), out);
				out.println();
				if (result.report().outcome() == DeliveryOutcome.FAILED) {
					worst = Math.max(worst, result.exitCode());
				}
			}
		}
		if (!requests.isEmpty()) {
			GdbDeliveryRequest first = requests.get(0);
			int requestsBefore = scb.fragments().size() + scb.heartbeatCount();
			out.println(
					"$ deliver the same file again (" + this.examples.toAbsolutePath().relativize(first.file()) + ")");
			DeliveryResult again = this.launcher.deliver(first);
			DeliverySummary.print(again.report(), again.alreadyDelivered(), out);
			out.println("  (the stand-in received " + (scb.fragments().size() + scb.heartbeatCount() - requestsBefore)
					+ " requests for it)");
			out.println();
		}
		out.println("$ list");
		DeliveryTable.print(this.reports.recent(DeliveryQuery.ANY, 50), out);
		out.flush();
		return worst;
	}

}
