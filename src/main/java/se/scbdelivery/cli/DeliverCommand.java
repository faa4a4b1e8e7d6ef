package se.scbdelivery.cli;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.Callable;

import org.jspecify.annotations.Nullable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.Spec;

import se.scbdelivery.delivery.GdbDeliveryRequest;
import se.scbdelivery.delivery.GenericDeliveryRequest;
import se.scbdelivery.delivery.launch.DeliveryLauncher;
import se.scbdelivery.delivery.outcome.DeliveryResult;

@Command(name = "deliver", header = "Delivers one file to SCB: through GDB (VINN, KRITA) or the generic service.",
		description = "Validates the file and its metadata, sends it, follows it until SCB has processed it and "
				+ "prints the outcome. The same file with the same metadata is one delivery: after it completed, "
				+ "running this again sends nothing and reports the earlier outcome; after a failure, running this "
				+ "again resumes it (GDB: after the last fragment SCB acknowledged; generic: following the saved "
				+ "ticket, or posting again if no ticket came back).",
		exitCodeListHeading = "%nExit codes:%n",
		exitCodeList = { "0:loaded (Inläst; generic: successfulValidation true)",
				"1:technical failure; run again or 'restart' to resume", "2:invalid input; nothing was sent",
				"3:rejected by SCB (Ej inläst, or refused at upload; generic: validation failed)",
				"4:loaded with errors (Inläst med fel)" })
class DeliverCommand implements Callable<Integer> {

	@Spec
	private CommandSpec spec;

	@Option(names = { "-h", "--help" }, usageHelp = true, description = "Show this help and exit.")
	private boolean help;

	@Option(names = "--api", defaultValue = "gdb", paramLabel = "<api>",
			description = "gdb (VINN, KRITA; the default) or generic (SCB's generic delivery service).")
	private String api;

	@Option(names = "--file", required = true, paramLabel = "<file>", description = "The file to deliver.")
	private Path file;

	@Option(names = "--org", paramLabel = "<org>",
			description = "Organisation number, ten digits or NNNNNN-NNNN (gdb: required; generic: optional).")
	private String organisation;

	@Option(names = "--program", paramLabel = "<program>", description = "gdb: VINN or KRITA.")
	private String program;

	@Option(names = "--period", paramLabel = "<YYYY-MM-DD>", description = "gdb: reference period.")
	private String period;

	@Option(names = "--format", paramLabel = "<format>", description = "gdb: file format, e.g. V40.")
	private String format;

	@Option(names = "--version", paramLabel = "<version>", description = "gdb: XML schema version, if any.")
	private @Nullable String version;

	@Option(names = "--file-name", paramLabel = "<name>",
			description = "gdb: the file name SCB sees (default: the file's own name).")
	private @Nullable String fileName;

	@Option(names = "--contract", paramLabel = "<contract>",
			description = "generic: the delivery agreement (required).")
	private @Nullable String contract;

	@Option(names = "--delivery-format-name", paramLabel = "<name>",
			description = "generic: which delivery format of the contract.")
	private @Nullable String deliveryFormatName;

	@Option(names = "--external-version-id", paramLabel = "<id>",
			description = "generic: a version of the format other than the agreed default.")
	private @Nullable String externalVersionId;

	@Option(names = "--test", description = "generic: a test delivery; SCB neither stores nor uses the content.")
	private boolean test;

	private final DeliveryLauncher launcher;

	private final ProcessExit exit;

	DeliverCommand(DeliveryLauncher launcher, ProcessExit exit) {
		this.launcher = launcher;
		this.exit = exit;
	}

	@Override
	public Integer call() {
		DeliveryResult result = switch (this.api.toLowerCase(Locale.ROOT)) {
			case "gdb" -> deliverThroughGdb();
			case "generic" -> deliverThroughGeneric();
			default -> throw new ParameterException(this.spec.commandLine(),
					"--api '" + this.api + "' is not one of gdb, generic");
		};
		return this.exit.print(result, this.spec.commandLine().getOut());
	}

	private DeliveryResult deliverThroughGdb() {
		check("gdb",
				options("--org", this.organisation, "--program", this.program, "--period", this.period, "--format",
						this.format),
				options("--contract", this.contract, "--delivery-format-name", this.deliveryFormatName,
						"--external-version-id", this.externalVersionId, "--test", this.test));
		return this.launcher.deliver(GdbDeliveryRequest.of(this.file, this.organisation, this.program, this.period,
				this.format, this.version, this.fileName));
	}

	private DeliveryResult deliverThroughGeneric() {
		check("generic", options("--contract", this.contract), options("--program", this.program, "--period",
				this.period, "--format", this.format, "--version", this.version, "--file-name", this.fileName));
		return this.launcher.deliver(GenericDeliveryRequest.of(this.file, this.contract, this.organisation,
				this.deliveryFormatName, this.externalVersionId, this.test));
	}

	/**
	 * Names every missing option of the channel, and every option that belongs to the
	 * other one.
	 */
	private void check(String api, Map<String, @Nullable Object> required, Map<String, @Nullable Object> foreign) {
		List<String> missing = new ArrayList<>();
		required.forEach((option, value) -> {
			if (value == null) {
				missing.add(option);
			}
		});
		if (!missing.isEmpty()) {
			throw new ParameterException(this.spec.commandLine(), "Missing required option"
					+ ((missing.size() == 1) ? "" : "s") + " for --api " + api + ": " + String.join(", ", missing));
		}
		List<String> misplaced = new ArrayList<>();
		foreign.forEach((option, value) -> {
			if (value != null && !Boolean.FALSE.equals(value)) {
				misplaced.add(option);
			}
		});
		if (!misplaced.isEmpty()) {
			throw new ParameterException(this.spec.commandLine(),
					String.join(", ", misplaced) + " cannot be used with --api " + api);
		}
	}

	/** Option names and their values, in order; values may be null. */
	private static Map<String, @Nullable Object> options(@Nullable Object... namesAndValues) {
		Map<String, @Nullable Object> options = new LinkedHashMap<>();
		for (int i = 0; i < namesAndValues.length; i += 2) {
			options.put((String) namesAndValues[i], namesAndValues[i + 1]);
		}
		return options;
	}

}
