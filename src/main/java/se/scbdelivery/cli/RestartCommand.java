package se.scbdelivery.cli;

import java.io.PrintWriter;
import java.util.concurrent.Callable;

import org.jspecify.annotations.Nullable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

import se.scbdelivery.delivery.launch.DeliveryLauncher;
import se.scbdelivery.delivery.outcome.DeliveryResult;
import se.scbdelivery.report.ScanSummary;
import se.scbdelivery.report.ScanTable;
import se.scbdelivery.scan.RestartFailedRunner;

@Command(name = "restart", mixinStandardHelpOptions = true, header = "Resumes an interrupted delivery, or every one.",
		description = "Continues the delivery an execution belongs to: a new heartbeat, then the fragment after the "
				+ "last one SCB acknowledged, or, when the upload had completed, following its DeliveryId again. An "
				+ "execution left running by a process that is gone (lease older than scb.recovery.stale-after) is "
				+ "recovered first; one whose process is alive is never taken over.",
		exitCodeListHeading = "%nExit codes:%n", exitCodeList = { "0:loaded", "1:technical failure",
				"2:no such execution, or the file changed", "3:rejected by SCB", "4:loaded with errors" })
class RestartCommand implements Callable<Integer> {

	@Spec
	private CommandSpec spec;

	@Parameters(index = "0", arity = "0..1", paramLabel = "<execution-id>",
			description = "The execution, as 'list' shows it.")
	private @Nullable Long executionId;

	@Option(names = "--failed",
			description = "Resume every delivery that failed technically, was stopped, or was left running "
					+ "by a process that is gone.")
	private boolean failed;

	@Option(names = "--concurrency", defaultValue = "4", paramLabel = "<n>",
			description = "With --failed: deliveries at a time (default ${DEFAULT-VALUE}).")
	private int concurrency;

	private final DeliveryLauncher launcher;

	private final RestartFailedRunner failedRunner;

	private final ProcessExit exit;

	RestartCommand(DeliveryLauncher launcher, RestartFailedRunner failedRunner, ProcessExit exit) {
		this.launcher = launcher;
		this.exit = exit;
		this.failedRunner = failedRunner;
	}

	@Override
	public Integer call() throws InterruptedException {
		if (this.failed == (this.executionId != null)) {
			throw new ParameterException(this.spec.commandLine(), "give either an <execution-id> or --failed");
		}
		if (this.executionId == null) {
			PrintWriter out = this.spec.commandLine().getOut();
			ScanSummary summary = this.exit.of(this.failedRunner.run(this.concurrency, CommandOutput.lines(out)));
			ScanTable.print(summary, out);
			return summary.exitCode();
		}
		DeliveryResult result = this.launcher.restart(this.executionId);
		return this.exit.print(result, this.spec.commandLine().getOut());
	}

}
