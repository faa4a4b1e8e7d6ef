package se.scbdelivery.cli;

import java.util.concurrent.Callable;

import picocli.AutoComplete;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Spec;

/** The root command: only prints what the commands are. */
@Command(name = "scb-delivery", mixinStandardHelpOptions = true, versionProvider = BuildVersion.class,
		header = "Delivers statistical reports to Statistics Sweden (SCB), machine-to-machine.",
		description = {
				"Uploads each file to SCB's GDB M2M v2 API (VINN, KRITA), follows it until SCB has processed "
						+ "it, keeps every outcome and error, and resumes an interrupted delivery where it stopped.",
				"",
				"Settings are Spring Boot properties: --scb.name=value after the command, config/application.yml, "
						+ "or environment variables (SCB_...)." },
		subcommands = { DeliverCommand.class, ScanCommand.class, RestartCommand.class, AbandonCommand.class,
				PruneCommand.class, ListCommand.class, HeartbeatCommand.class, SimulateCommand.class, DemoCommand.class,
				AutoComplete.GenerateCompletion.class },
		exitCodeListHeading = "%nExit codes:%n",
		exitCodeList = { "0:delivered and loaded (Inläst)", "1:technical failure; the execution is restartable",
				"2:invalid input or usage; nothing was sent", "3:rejected by SCB (Ej inläst)",
				"4:loaded with errors (Inläst med fel)" })
class ScbDeliveryCommand implements Callable<Integer> {

	@Spec
	private CommandSpec spec;

	@Override
	public Integer call() {
		this.spec.commandLine().usage(this.spec.commandLine().getErr());
		return ExitCodes.INVALID_INPUT;
	}

}
