package se.scbdelivery.scan;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.function.Consumer;
import java.util.stream.Collectors;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import org.springframework.stereotype.Service;

import se.scbdelivery.config.ScbProperties;
import se.scbdelivery.delivery.GdbDeliveryRequest;
import se.scbdelivery.delivery.InvalidDeliveryInputException;
import se.scbdelivery.delivery.journal.UploadAttempt;
import se.scbdelivery.delivery.launch.DeliveryLauncher;
import se.scbdelivery.delivery.launch.IfAbandoned;
import se.scbdelivery.delivery.launch.ExecutionStillRunningException;
import se.scbdelivery.delivery.outcome.ChannelDetails;
import se.scbdelivery.delivery.outcome.DeliveryOutcome;
import se.scbdelivery.delivery.outcome.DeliveryReport;
import se.scbdelivery.delivery.outcome.DeliveryResult;
import se.scbdelivery.delivery.outcome.FailureSentences;
import se.scbdelivery.delivery.waiting.DeliveryFollower;
import se.scbdelivery.report.ScanRow;
import se.scbdelivery.report.ScanSummary;

/**
 * Delivers everything an inbox holds, N files at a time, each as its own delivery with
 * the same identity rules as {@code deliver}: a completed delivery is reported, not sent
 * again; a failed or dead one is resumed; one another live process is delivering is left
 * to it. One file's failure never stops the others. After a final outcome is recorded,
 * the file may be archived.
 */
@Service
public class ScanRunner {

	/**
	 * A file left for later: still being written, or being delivered by another process.
	 */
	public static final String SKIPPED = DeliveryOutcome.SKIPPED.name();

	private static final Logger logger = LoggerFactory.getLogger(ScanRunner.class);

	private final DeliveryLauncher launcher;

	private final DeliveryPool pool;

	private final InboxArchive archive;

	private final ScbProperties.Inbox settings;

	private final Clock clock;

	ScanRunner(DeliveryLauncher launcher, DeliveryFollower follower, ScbProperties properties, Clock clock) {
		this.launcher = launcher;
		this.pool = new DeliveryPool(launcher, follower);
		this.settings = properties.inbox();
		this.archive = new InboxArchive(this.settings.doneDir(), this.settings.failedDir());
		this.clock = clock;
	}

	/**
	 * Scans the inbox and delivers what is ready, {@code concurrency} uploads at a time;
	 * files waiting for SCB's verdict hold no slot.
	 * @param progress where the progress lines go
	 * @throws InvalidDeliveryInputException when the inbox is not a folder
	 */
	public ScanSummary run(Path inbox, int concurrency, Consumer<String> progress) throws InterruptedException {
		Instant started = this.clock.instant();
		List<InboxFile> files = new InboxScanner(() -> Thread.sleep(this.settings.settle().toMillis())).scan(inbox);
		Path root = inbox.toAbsolutePath().normalize();
		List<ScanRow> rows = new ArrayList<>();
		List<DeliveryPool.Delivery> deliveries = new ArrayList<>();
		for (InboxFile file : files) {
			if (file instanceof InboxFile.Ready ready) {
				deliveries.add(delivery(root, ready));
			}
			else if (file instanceof InboxFile.Invalid invalid) {
				rows.add(row(invalid.relative(), DeliveryOutcome.INVALID_INPUT.name(),
						DeliveryOutcome.INVALID_INPUT.exitCode(), invalid.reason()));
			}
			else if (file instanceof InboxFile.Skipped skipped) {
				rows.add(row(skipped.relative(), SKIPPED, 0, skipped.reason() + "; it is delivered by a later scan"));
			}
		}
		rows.addAll(this.pool.runAll(deliveries, concurrency, new ScanProgress("scan", progress, this.clock)));
		rows.sort(Comparator.comparing(ScanRow::file));
		return new ScanSummary(root.toString(), started, this.clock.instant(), exitCode(rows), rows);
	}

	private DeliveryPool.Delivery delivery(Path root, InboxFile.Ready ready) {
		String label = ready.relative().toString();
		return new DeliveryPool.Delivery(label, size(ready.request().file()),
				() -> this.launcher.begin(ready.request(), IfAbandoned.LEAVE_IT),
				(result) -> rowOf(label, result, archive(root, ready.relative(), result.report().outcome())),
				(failure) -> failed(ready, failure));
	}

	private static long size(Path file) {
		try {
			return Files.size(file);
		}
		catch (IOException ex) {
			return 0;
		}
	}

	/**
	 * The row of a file whose delivery could not begin: what its folders name, and why.
	 */
	static ScanRow failed(InboxFile.Ready ready, RuntimeException failure) {
		if (failure instanceof InvalidDeliveryInputException invalid) {
			return row(ready, DeliveryOutcome.INVALID_INPUT.name(), DeliveryOutcome.INVALID_INPUT.exitCode(),
					invalid.getMessage());
		}
		if (failure instanceof ExecutionStillRunningException running) {
			return row(ready, SKIPPED, 0, running.getMessage());
		}
		logger.error("Delivering {} failed", ready.relative(), failure);
		return row(ready, DeliveryOutcome.FAILED.name(), DeliveryOutcome.FAILED.exitCode(),
				FailureSentences.of(failure));
	}

	private static ScanRow row(InboxFile.Ready ready, String outcome, int exitCode, String whatToDo) {
		GdbDeliveryRequest request = ready.request();
		return new ScanRow(ready.relative().toString(), request.organisation().value(), request.program().name(),
				request.referencePeriod().toString(), request.fileFormat(), outcome, exitCode, null, null, null,
				whatToDo);
	}

	/** Moves a file whose outcome is final and recorded; says where it went. */
	private String archive(Path root, Path relative, DeliveryOutcome outcome) {
		try {
			Path moved = switch (outcome) {
				case LOADED, LOADED_WITH_ERRORS -> this.archive.loaded(root, relative);
				case NOT_LOADED, REFUSED -> this.archive.rejected(root, relative);
				default -> null;
			};
			return (moved != null) ? " (moved to " + moved + ")" : "";
		}
		catch (IOException ex) {
			logger.warn("Could not move {} out of the inbox: {}", relative, ex.getMessage(), ex);
			return " (could not be moved out of the inbox: " + ex.getMessage() + ")";
		}
	}

	/** The row of a delivery that ran (or had run) to an outcome. */
	static ScanRow rowOf(String file, DeliveryResult result, String afterwards) {
		DeliveryReport report = result.report();
		ChannelDetails channel = report.channel();
		return new ScanRow(file, report.organisation(), channel.program(), channel.referencePeriod(),
				channel.fileFormat(), report.outcome().name(), report.exitCode(), channel.scbVerdict(),
				channel.receipt(), report.execution(),
				(result.alreadyDelivered() ? "delivered earlier, nothing sent now; " : "") + earlierAttempts(report)
						+ nextStep(report) + afterwards);
	}

	/**
	 * A failed delivery's failure says what happened and what to do; any other outcome's
	 * advice is the report's.
	 */
	private static String nextStep(DeliveryReport report) {
		return (report.outcome() == DeliveryOutcome.FAILED && report.failure() != null) ? report.failure()
				: report.whatToDo();
	}

	/**
	 * What the attempts before the last got, which the outcome alone would hide: {@code
	 * SCB answered Systemfel, so the file was uploaded again (attempt 2); }.
	 */
	private static String earlierAttempts(DeliveryReport report) {
		List<UploadAttempt> attempts = report.attempts();
		if (attempts.size() < 2) {
			return "";
		}
		String answers = attempts.subList(0, attempts.size() - 1)
			.stream()
			.map((attempt) -> (attempt.verdict() != null) ? attempt.verdict().text() : "no verdict")
			.distinct()
			.collect(Collectors.joining(", "));
		return "SCB answered " + answers + ", so the file was uploaded again (attempt " + attempts.size() + "); ";
	}

	private static ScanRow row(Path relative, String outcome, int exitCode, String whatToDo) {
		return new ScanRow(relative.toString(), null, null, null, null, outcome, exitCode, null, null, null, whatToDo);
	}

	/**
	 * INTERFACE.md: 1 if any file failed technically, else 3 if any was rejected, else 4,
	 * else 2, else 0.
	 */
	static int exitCode(List<ScanRow> rows) {
		for (int code : new int[] { 1, 3, 4, 2 }) {
			if (rows.stream().anyMatch((row) -> row.exitCode() == code)) {
				return code;
			}
		}
		return 0;
	}

}
