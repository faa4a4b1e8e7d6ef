package se.scbdelivery.cli;

import java.util.concurrent.Callable;

import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

import se.scbdelivery.delivery.DeliveryReports;
import se.scbdelivery.report.DeliveryTable;

@Command(name = "list", mixinStandardHelpOptions = true, header = "Lists the deliveries recorded in the job repository.",
		description = "One row per execution, newest first: its id (for 'restart'), status, outcome, what was "
				+ "delivered, SCB's DeliveryId and SCB's last status.")
class ListCommand implements Callable<Integer> {

	@Spec
	private CommandSpec spec;

	@Option(names = "--limit", defaultValue = "50", paramLabel = "<n>", description = "At most this many rows (default ${DEFAULT-VALUE}).")
	private int limit;

	private final DeliveryReports reports;

	ListCommand(DeliveryReports reports) {
		this.reports = reports;
	}

	@Override
	public Integer call() {
		if (this.limit < 1) {
			throw new IllegalArgumentException("--limit " + this.limit + " must be at least 1");
		}
		DeliveryTable.print(this.reports.recent(this.limit), this.spec.commandLine().getOut());
		return ExitCodes.OK;
	}

}
