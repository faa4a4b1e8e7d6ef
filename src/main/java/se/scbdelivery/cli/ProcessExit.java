package se.scbdelivery.cli;

import java.io.PrintWriter;

import org.springframework.stereotype.Component;

import se.scbdelivery.delivery.StopRequest;
import se.scbdelivery.delivery.launch.RunningExecutions;
import se.scbdelivery.delivery.outcome.DeliveryResult;
import se.scbdelivery.report.DeliverySummary;
import se.scbdelivery.report.ScanSummary;

/**
 * The exit code a command's summary shows: its outcome's, or, once the process was asked
 * to stop (SIGTERM), the one the JVM then ends with, so that the summary and what a
 * scheduler sees agree.
 */
@Component
class ProcessExit {

	private final RunningExecutions running;

	ProcessExit(RunningExecutions running) {
		this.running = running;
	}

	/** Prints the delivery's summary; returns the exit code it shows. */
	int print(DeliveryResult result, PrintWriter out) {
		StopRequest stop = this.running.stopRequest().orElse(null);
		DeliverySummary.print(result.report(), result.alreadyDelivered(), stop, out);
		return (stop != null) ? stop.processExitCode() : result.exitCode();
	}

	/** The scan's summary as this process ends it. */
	ScanSummary of(ScanSummary summary) {
		return this.running.stopRequest().map(summary::stopped).orElse(summary);
	}

}
