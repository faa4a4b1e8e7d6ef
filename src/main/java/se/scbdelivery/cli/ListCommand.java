package se.scbdelivery.cli;

import java.time.Clock;
import java.time.Instant;
import java.time.ZoneId;
import java.util.List;
import java.util.concurrent.Callable;

import org.jspecify.annotations.Nullable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

import se.scbdelivery.delivery.outcome.DeliveryQuery;
import se.scbdelivery.delivery.outcome.DeliveryReport;
import se.scbdelivery.delivery.outcome.RecentDeliveries;
import se.scbdelivery.report.DeliveryJson;
import se.scbdelivery.report.DeliveryTable;
import se.scbdelivery.report.StartedSince;
import se.scbdelivery.scb.OrganisationNumber;

@Command(name = "list", mixinStandardHelpOptions = true,
		header = "Lists the deliveries recorded in the job repository.",
		description = {
				"One row per delivery, its newest execution, newest first: the execution's id (for "
						+ "'restart'), status, outcome, what was delivered, SCB's DeliveryId and SCB's last status.",
				"Filters combine: an execution is listed when it matches all of them." })
class ListCommand implements Callable<Integer> {

	@Spec
	private CommandSpec spec;

	@Option(names = "--limit", defaultValue = "50", paramLabel = "<n>",
			description = "At most this many rows, the newest that match (default ${DEFAULT-VALUE}).")
	private int limit;

	@Option(names = "--status", split = ",", paramLabel = "<status>",
			description = "Only these job statuses (COMPLETED, FAILED, STOPPED, STARTED...) or outcomes (LOADED, "
					+ "NOT_LOADED, REFUSED, LOADED_WITH_ERRORS, INVALID_INPUT, FAILED, STOPPED, RUNNING, "
					+ "SUPERSEDED with --all), comma-separated, in any case.")
	private List<String> statuses = List.of();

	@Option(names = "--org", paramLabel = "<org>",
			description = "Only deliveries for this organisation number (ten digits or NNNNNN-NNNN).")
	private @Nullable String organisation;

	@Option(names = "--since", paramLabel = "<time>",
			description = "Only executions started at or after this: a date (2026-11-01, from its start in this "
					+ "system's time zone), a date-time (2026-11-01T08:00, 2026-11-01T08:00+01:00) or a duration "
					+ "back from now (24h, 7d, PT30M).")
	private @Nullable String since;

	@Option(names = "--all",
			description = "Every execution, not only each delivery's newest: an execution a later one of the same "
					+ "delivery took over is SUPERSEDED (naming that one), not FAILED or STOPPED.")
	private boolean all;

	@Option(names = "--json",
			description = "Print the matching reports as one JSON array, as written to scb.report.dir, "
					+ "and nothing else.")
	private boolean json;

	private final RecentDeliveries reports;

	private final Clock clock;

	ListCommand(RecentDeliveries reports, Clock clock) {
		this.reports = reports;
		this.clock = clock;
	}

	@Override
	public Integer call() {
		if (this.limit < 1) {
			throw new IllegalArgumentException("--limit " + this.limit + " must be at least 1");
		}
		DeliveryQuery query = query();
		List<DeliveryReport> matching = this.reports.recent(query, this.limit);
		if (this.json) {
			DeliveryJson.print(matching, this.spec.commandLine().getOut());
		}
		else {
			DeliveryTable.print(matching,
					query.isAny() ? "No deliveries recorded yet." : "No deliveries match the filters.",
					this.spec.commandLine().getOut());
		}
		return ExitCodes.OK;
	}

	private DeliveryQuery query() {
		String org = (this.organisation != null) ? OrganisationNumber.parse(this.organisation).value() : null;
		Instant earliest = (this.since != null) ? StartedSince.parse(this.since, this.clock, ZoneId.systemDefault())
				: null;
		return new DeliveryQuery(DeliveryQuery.statuses(this.statuses), org, earliest, this.all);
	}

}
