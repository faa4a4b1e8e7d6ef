package se.scbdelivery.cli;

import java.time.Clock;
import java.time.DateTimeException;
import java.time.Duration;
import java.util.concurrent.Callable;

import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

import se.scbdelivery.delivery.retention.PruneResult;
import se.scbdelivery.delivery.retention.Pruning;
import se.scbdelivery.report.PruneSummary;
import se.scbdelivery.report.StartedSince;

@Command(name = "prune", mixinStandardHelpOptions = true,
		header = "Removes old deliveries that reached a final outcome from the job repository.",
		description = {
				"Removes each delivery (its job instance, every execution, their steps, contexts and parameters) whose "
						+ "newest execution reached a final outcome (LOADED, LOADED_WITH_ERRORS, NOT_LOADED, REFUSED, "
						+ "INVALID_INPUT, ABANDONED) and ended longer ago than the age. A delivery that may still be "
						+ "restarted (failed technically, stopped, waiting for SCB, UNKNOWN or running) is kept "
						+ "whatever its age, and so is one a live process is delivering.",
				"Of each removed delivery SCB gave its verdict on, or a person abandoned, a small record is kept: "
						+ "delivering or scanning the same file again sends nothing and reports the earlier outcome, "
						+ "as before. Lease rows that lapsed longer ago than the age go too.",
				"Without --yes it only says what it would remove." },
		exitCodeListHeading = "%nExit codes:%n",
		exitCodeList = { "0:pruned, or said what it would prune",
				"1:technical failure (the job repository); what was removed stays removed: run it again",
				"2:invalid input: the age is not a positive duration" })
class PruneCommand implements Callable<Integer> {

	@Spec
	private CommandSpec spec;

	@Option(names = "--older-than", required = true, paramLabel = "<age>",
			description = "How long ago the newest execution must have ended: 400d, 12h, PT30M.")
	private String olderThan;

	@Option(names = "--yes", description = "Remove them; without it nothing is removed.")
	private boolean yes;

	@Option(names = "--reports",
			description = "With --yes, also delete the removed executions' reports from scb.report.dir (never a "
					+ "scan's summary); without it the reports stay.")
	private boolean reports;

	private final Pruning pruning;

	private final Clock clock;

	PruneCommand(Pruning pruning, Clock clock) {
		this.pruning = pruning;
		this.clock = clock;
	}

	@Override
	public Integer call() {
		Duration age = age();
		PruneResult result = this.yes ? this.pruning.prune(age, this.reports) : this.pruning.dryRun(age);
		PruneSummary.print(result, this.olderThan.strip(), this.reports, this.spec.commandLine().getOut());
		return ExitCodes.OK;
	}

	/**
	 * The age as {@code list --since} reads a duration, positive and with its unit: a
	 * bare number would be milliseconds there, which here would remove every final
	 * delivery.
	 */
	private Duration age() {
		Duration age = this.olderThan.strip().matches("[-+]?\\d+") ? null
				: StartedSince.duration(this.olderThan).orElse(null);
		if (age == null || age.isZero() || age.isNegative() || !reachable(age)) {
			throw new IllegalArgumentException("--older-than '" + this.olderThan
					+ "' must be a positive duration with its unit: 400d, 12h, PT30M");
		}
		return age;
	}

	private boolean reachable(Duration age) {
		try {
			this.clock.instant().minus(age);
			return true;
		}
		catch (DateTimeException | ArithmeticException ex) {
			return false;
		}
	}

}
