package se.scbdelivery.cli;

import java.util.concurrent.Callable;

import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

import se.scbdelivery.delivery.launch.DeliveryLauncher;
import se.scbdelivery.delivery.outcome.DeliveryResult;
import se.scbdelivery.report.DeliverySummary;

@Command(name = "abandon", mixinStandardHelpOptions = true,
		header = "Records a person's decision that a delivery is not to be resumed.",
		description = {
				"Marks the newest execution of the delivery the given execution belongs to ABANDONED, with the "
						+ "reason in its exit status, journal and report. Scans and 'restart' leave it alone from then "
						+ "on; an explicit 'deliver' of the same file delivers it anew, as a delivery of its own.",
				"For the rare case a person decides: a failed, stopped or interrupted delivery is otherwise resumed "
						+ "by itself, without anything sent twice." },
		exitCodeListHeading = "%nExit codes:%n", exitCodeList = { "0:abandoned (or abandoned already)",
				"1:a live process is delivering it", "2:no such execution, it completed, or no reason given" })
class AbandonCommand implements Callable<Integer> {

	@Spec
	private CommandSpec spec;

	@Parameters(index = "0", paramLabel = "<execution-id>", description = "The execution, as 'list' shows it.")
	private long executionId;

	@Option(names = "--reason", required = true, paramLabel = "<text>",
			description = "Why, for whoever reads the report later.")
	private String reason;

	private final DeliveryLauncher launcher;

	AbandonCommand(DeliveryLauncher launcher) {
		this.launcher = launcher;
	}

	@Override
	public Integer call() {
		String oneLine = this.reason.strip().replaceAll("\\s+", " ");
		if (oneLine.isEmpty()) {
			throw new ParameterException(this.spec.commandLine(), "--reason must say why the delivery is abandoned");
		}
		DeliveryResult result = this.launcher.abandon(this.executionId, oneLine);
		DeliverySummary.print(result.report(), result.alreadyDelivered(), this.spec.commandLine().getOut());
		return ExitCodes.OK;
	}

}
