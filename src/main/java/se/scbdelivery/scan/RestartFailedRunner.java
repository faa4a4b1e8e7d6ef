package se.scbdelivery.scan;

import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Consumer;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import org.springframework.stereotype.Service;

import se.scbdelivery.delivery.InvalidDeliveryInputException;
import se.scbdelivery.delivery.launch.DeliveryLauncher;
import se.scbdelivery.delivery.launch.ExecutionStillRunningException;
import se.scbdelivery.delivery.launch.ResumableExecutions;
import se.scbdelivery.delivery.outcome.DeliveryOutcome;
import se.scbdelivery.delivery.outcome.FailureSentences;
import se.scbdelivery.delivery.waiting.DeliveryFollower;
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

	private final DeliveryPool pool;

	private final ResumableExecutions resumable;

	private final Clock clock;

	RestartFailedRunner(DeliveryLauncher launcher, DeliveryFollower follower, ResumableExecutions resumable,
			Clock clock) {
		this.launcher = launcher;
		this.pool = new DeliveryPool(launcher, follower);
		this.resumable = resumable;
		this.clock = clock;
	}

	public ScanSummary run(int concurrency, Consumer<String> progress) throws InterruptedException {
		Instant started = this.clock.instant();
		List<DeliveryPool.Delivery> restarts = new ArrayList<>();
		for (long execution : this.resumable.find()) {
			restarts
				.add(new DeliveryPool.Delivery("execution " + execution, 0, () -> this.launcher.beginRestart(execution),
						(result) -> ScanRunner.rowOf(result.report().file(), result, ""),
						(failure) -> failed(execution, failure)));
		}
		List<ScanRow> rows = this.pool.runAll(restarts, concurrency,
				new ScanProgress("restart --failed", progress, this.clock));
		return new ScanSummary("restart --failed", started, this.clock.instant(), ScanRunner.exitCode(rows), rows);
	}

	private static ScanRow failed(long execution, RuntimeException failure) {
		String what = "execution " + execution;
		if (failure instanceof InvalidDeliveryInputException invalid) {
			return row(what, DeliveryOutcome.INVALID_INPUT, invalid.getMessage());
		}
		if (failure instanceof ExecutionStillRunningException running) {
			return new ScanRow(what, null, null, null, null, ScanRunner.SKIPPED, 0, null, null, execution,
					running.getMessage());
		}
		logger.error("Restarting execution {} failed", execution, failure);
		return row(what, DeliveryOutcome.FAILED, FailureSentences.of(failure));
	}

	private static ScanRow row(String what, DeliveryOutcome outcome, String whatToDo) {
		return new ScanRow(what, null, null, null, null, outcome.name(), outcome.exitCode(), null, null, null,
				whatToDo);
	}

}
