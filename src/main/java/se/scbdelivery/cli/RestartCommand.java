package se.scbdelivery.cli;

import java.util.concurrent.Callable;

import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

import se.scbdelivery.delivery.DeliveryLauncher;
import se.scbdelivery.delivery.DeliveryResult;
import se.scbdelivery.report.DeliverySummary;

@Command(name = "restart", mixinStandardHelpOptions = true, header = "Resumes an interrupted delivery.",
		description = "Continues the delivery an execution belongs to: a new heartbeat, then the fragment after the "
				+ "last one SCB acknowledged, or, when the upload had completed, following its DeliveryId again. An "
				+ "execution left running by a process that is gone (lease older than scb.recovery.stale-after) is "
				+ "recovered first; one whose process is alive is never taken over.",
		exitCodeListHeading = "%nExit codes:%n",
		exitCodeList = { "0:loaded", "1:technical failure", "2:no such execution, or the file changed",
				"3:rejected by SCB", "4:loaded with errors" })
class RestartCommand implements Callable<Integer> {

	@Spec
	private CommandSpec spec;

	@Parameters(index = "0", paramLabel = "<execution-id>", description = "The execution, as 'list' shows it.")
	private long executionId;

	private final DeliveryLauncher launcher;

	RestartCommand(DeliveryLauncher launcher) {
		this.launcher = launcher;
	}

	@Override
	public Integer call() {
		DeliveryResult result = this.launcher.restart(this.executionId);
		DeliverySummary.print(result.report(), result.alreadyDelivered(), this.spec.commandLine().getOut());
		return result.exitCode();
	}

}
