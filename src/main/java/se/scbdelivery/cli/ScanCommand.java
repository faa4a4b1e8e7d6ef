package se.scbdelivery.cli;

import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.concurrent.Callable;

import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

import se.scbdelivery.config.ScbProperties;
import se.scbdelivery.report.ScanSummary;
import se.scbdelivery.report.ScanSummaryWriter;
import se.scbdelivery.report.ScanTable;
import se.scbdelivery.scan.CleanScans;
import se.scbdelivery.scan.ScanMetrics;
import se.scbdelivery.scan.ScanRunner;

@Command(name = "scan", mixinStandardHelpOptions = true, header = "Delivers every file in an inbox, N at a time.",
		description = "Every regular file under <inbox>/{org}/{program}/{period}/{format}/[{version}/] is its own GDB "
				+ "delivery, with deliver's identity rules: a completed one is reported and not sent again, "
				+ "a failed or dead one is resumed, one another live process is delivering is left to it. "
				+ "Files whose folders do not parse are invalid input and nothing is sent for them; "
				+ "files still being written (a .part name, or a "
				+ "size or time that changes within scb.inbox.settle) wait for the next scan; hidden files and folders "
				+ "are never read; symbolic links that leave the inbox are refused. With scb.inbox.done-dir and "
				+ "scb.inbox.failed-dir, files move there after a final outcome. Prints a table and writes the summary "
				+ "as JSON, CSV and HTML under scb.report.dir.",
		exitCodeListHeading = "%nExit codes:%n",
		exitCodeList = { "0:every file delivered and loaded (or left for a later scan)", "1:a file failed technically",
				"2:a file was invalid input (and none worse)", "3:SCB rejected a file (and none failed)",
				"4:a file was loaded with errors (and none worse)" })
class ScanCommand implements Callable<Integer> {

	@Spec
	private CommandSpec spec;

	@Parameters(index = "0", paramLabel = "<inbox>", description = "The inbox folder.")
	private Path inbox;

	@Option(names = "--concurrency", defaultValue = "4", paramLabel = "<n>",
			description = "Deliveries at a time (default ${DEFAULT-VALUE}).")
	private int concurrency;

	private final ScanRunner runner;

	private final ScbProperties properties;

	private final ProcessExit exit;

	private final CleanScans cleanScans;

	private final ScanMetrics metrics;

	ScanCommand(ScanRunner runner, ScbProperties properties, ProcessExit exit, CleanScans cleanScans,
			ScanMetrics metrics) {
		this.runner = runner;
		this.properties = properties;
		this.exit = exit;
		this.cleanScans = cleanScans;
		this.metrics = metrics;
	}

	@Override
	public Integer call() throws InterruptedException {
		PrintWriter out = this.spec.commandLine().getOut();
		ScanSummary summary = this.exit.of(this.runner.run(this.inbox, this.concurrency, CommandOutput.lines(out)));
		this.metrics.scanned(summary, this.cleanScans.recordAndRead(summary));
		ScanTable.print(summary, out);
		for (Path written : new ScanSummaryWriter().write(summary, this.properties.report().dir())) {
			out.println("summary      " + written);
		}
		out.flush();
		return summary.exitCode();
	}

}
