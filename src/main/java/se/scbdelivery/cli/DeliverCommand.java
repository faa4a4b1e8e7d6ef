package se.scbdelivery.cli;

import java.nio.file.Path;
import java.util.concurrent.Callable;

import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

import se.scbdelivery.delivery.DeliveryLauncher;
import se.scbdelivery.delivery.DeliveryRequest;
import se.scbdelivery.delivery.DeliveryResult;
import se.scbdelivery.report.DeliverySummary;

@Command(name = "deliver", header = "Delivers one file to SCB's GDB API (VINN, KRITA).",
		description = "Validates the file and its metadata, uploads it in fragments, follows it until SCB has "
				+ "processed it and prints the outcome. The same file with the same metadata is one delivery: after it "
				+ "completed, running this again sends nothing and reports the earlier outcome; after a failure, "
				+ "running this again resumes it after the last fragment SCB acknowledged.",
		exitCodeListHeading = "%nExit codes:%n",
		exitCodeList = { "0:loaded (Inläst)", "1:technical failure; run again or 'restart' to resume",
				"2:invalid input; nothing was sent", "3:rejected by SCB (Ej inläst, or refused at upload)",
				"4:loaded with errors (Inläst med fel)" })
class DeliverCommand implements Callable<Integer> {

	@Spec
	private CommandSpec spec;

	@Option(names = { "-h", "--help" }, usageHelp = true, description = "Show this help and exit.")
	private boolean help;

	@Option(names = "--file", required = true, paramLabel = "<file>", description = "The file to deliver.")
	private Path file;

	@Option(names = "--org", required = true, paramLabel = "<org>",
			description = "Organisation number, ten digits or NNNNNN-NNNN.")
	private String organisation;

	@Option(names = "--program", required = true, paramLabel = "<program>", description = "VINN or KRITA.")
	private String program;

	@Option(names = "--period", required = true, paramLabel = "<YYYY-MM-DD>", description = "Reference period.")
	private String period;

	@Option(names = "--format", required = true, paramLabel = "<format>", description = "File format, e.g. V40.")
	private String format;

	@Option(names = "--version", paramLabel = "<version>", description = "XML schema version, if any.")
	private String version;

	@Option(names = "--file-name", paramLabel = "<name>",
			description = "The file name SCB sees (default: the file's own name).")
	private String fileName;

	private final DeliveryLauncher launcher;

	DeliverCommand(DeliveryLauncher launcher) {
		this.launcher = launcher;
	}

	@Override
	public Integer call() {
		DeliveryRequest request = DeliveryRequest.of(this.file, this.organisation, this.program, this.period,
				this.format, this.version, this.fileName);
		DeliveryResult result = this.launcher.deliver(request);
		DeliverySummary.print(result.report(), result.alreadyDelivered(), this.spec.commandLine().getOut());
		return result.exitCode();
	}

}
