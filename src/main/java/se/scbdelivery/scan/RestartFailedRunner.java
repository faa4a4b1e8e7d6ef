package se.scbdelivery.scan;

import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import org.springframework.stereotype.Service;

import se.scbdelivery.delivery.InvalidDeliveryInputException;
import se.scbdelivery.delivery.launch.DeliveryLauncher;
import se.scbdelivery.delivery.launch.ExecutionStillRunningException;
import se.scbdelivery.delivery.launch.ResumableExecutions;
import se.scbdelivery.delivery.outcome.DeliveryOutcome;
import se.scbdelivery.delivery.outcome.DeliveryResult;
import se.scbdelivery.report.ScanRow;
import se.scbdelivery.report.ScanSummary;

/**
 * {@code restart --failed}: resumes every delivery that failed technically, was stopped,
 * or was left running by a process that is gone, N at a time. One whose process is alive
 * is left to it.
 */
@Service
public class RestartFailedRunner {

	private static final Logger logger = LoggerFactory.getLogger(RestartFailedRunner.class);

	private final DeliveryLauncher launcher;

	private final ResumableExecutions resumable;

	private final Clock clock;

	RestartFailedRunner(DeliveryLauncher launcher, ResumableExecutions resumable, Clock clock) {
		this.launcher = launcher;
		this.resumable = resumable;
		this.clock = clock;
	}

	public ScanSummary run(int concurrency) throws InterruptedException {
		Instant started = this.clock.instant();
		List<Callable<ScanRow>> restarts = new ArrayList<>();
		for (long execution : this.resumable.find()) {
			restarts.add(() -> restart(execution));
		}
		List<ScanRow> rows = DeliveryPool.runAll(restarts, concurrency);
		return new ScanSummary("restart --failed", started, this.clock.instant(), ScanRunner.exitCode(rows), rows);
	}

	private ScanRow restart(long execution) {
		String what = "execution " + execution;
		try {
			DeliveryResult result = this.launcher.restart(execution);
			return ScanRunner.rowOf(result.report().file(), result, "");
		}
		catch (InvalidDeliveryInputException ex) {
			return row(what, DeliveryOutcome.INVALID_INPUT, ex.getMessage());
		}
		catch (ExecutionStillRunningException ex) {
			return new ScanRow(what, null, null, null, null, ScanRunner.SKIPPED, 0, null, null, execution,
					ex.getMessage());
		}
		catch (RuntimeException ex) {
			logger.error("Restarting execution {} failed", execution, ex);
			return row(what, DeliveryOutcome.FAILED,
					ex.getClass().getSimpleName() + ": " + ex.getMessage() + " (the log has the details)");
		}
	}

	private static ScanRow row(String what, DeliveryOutcome outcome, String whatToDo) {
		return new ScanRow(what, null, null, null, null, outcome.name(), outcome.exitCode(), null, null, null,
				whatToDo);
	}

}
