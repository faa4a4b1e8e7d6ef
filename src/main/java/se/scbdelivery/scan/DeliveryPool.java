package se.scbdelivery.scan;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Function;
import java.util.function.Supplier;

import se.scbdelivery.delivery.launch.DeliveryLauncher;
import se.scbdelivery.delivery.launch.Launch;
import se.scbdelivery.delivery.outcome.DeliveryResult;
import se.scbdelivery.delivery.waiting.DeliveryFollower;
import se.scbdelivery.report.ScanRow;

/**
 * Runs many deliveries through N slots: a slot carries a delivery while it talks to SCB
 * (validation, heartbeat, upload, the upload's own poll, the report), and is free again
 * the moment the file waits for SCB's verdict. The follower then follows it without a
 * thread of its own, and once SCB's answer is final the delivery takes a slot again to be
 * reported (or, after {@code Systemfel}, uploaded again). Rows come back in submission
 * order.
 */
final class DeliveryPool {

	/**
	 * One delivery: how it begins, and how its result or its failure becomes a row.
	 */
	record Delivery(String label, long bytes, Supplier<Launch> begin, Function<DeliveryResult, ScanRow> row,
			Function<RuntimeException, ScanRow> failure) {
	}

	private final DeliveryLauncher launcher;

	private final DeliveryFollower follower;

	DeliveryPool(DeliveryLauncher launcher, DeliveryFollower follower) {
		this.launcher = launcher;
		this.follower = follower;
	}

	List<ScanRow> runAll(List<Delivery> deliveries, int concurrency, ScanProgress progress)
			throws InterruptedException {
		if (concurrency < 1) {
			throw new IllegalArgumentException("--concurrency " + concurrency + " must be at least 1");
		}
		AtomicInteger number = new AtomicInteger();
		ExecutorService slots = Executors.newFixedThreadPool(concurrency, (runnable) -> {
			Thread thread = new Thread(runnable, "delivery-" + number.incrementAndGet());
			thread.setDaemon(true);
			return thread;
		});
		progress.started(deliveries.size());
		try {
			List<CompletableFuture<ScanRow>> rows = new ArrayList<>();
			for (Delivery delivery : deliveries) {
				rows.add(CompletableFuture.supplyAsync(() -> {
					progress.inSlot(delivery.label());
					return delivery.begin().get();
				}, slots)
					.thenCompose((launch) -> untilFinished(launch, delivery, slots, progress))
					.handle((result, failure) -> (failure == null) ? row(delivery, result, progress)
							: failed(delivery, failure, progress)));
			}
			List<ScanRow> collected = new ArrayList<>();
			for (CompletableFuture<ScanRow> row : rows) {
				collected.add(row.get());
			}
			return collected;
		}
		catch (ExecutionException ex) {
			throw new IllegalStateException("a delivery task failed unexpectedly", ex.getCause());
		}
		finally {
			slots.shutdownNow();
			progress.finished();
		}
	}

	private CompletableFuture<DeliveryResult> untilFinished(Launch launch, Delivery delivery, ExecutorService slots,
			ScanProgress progress) {
		if (launch instanceof Launch.Finished finished) {
			return CompletableFuture.completedFuture(finished.result());
		}
		Launch.Waiting waiting = (Launch.Waiting) launch;
		progress.waiting(delivery.label(), delivery.bytes());
		return this.follower.follow(waiting.execution()).thenApplyAsync((end) -> {
			progress.inSlot(delivery.label());
			return this.launcher.resume(waiting, end);
		}, slots).thenCompose((next) -> untilFinished(next, delivery, slots, progress));
	}

	private static ScanRow row(Delivery delivery, DeliveryResult result, ScanProgress progress) {
		ScanRow row = delivery.row().apply(result);
		progress.done(delivery.label(), row.outcome(), result.alreadyDelivered() ? 0 : delivery.bytes());
		return row;
	}

	private static ScanRow failed(Delivery delivery, Throwable failure, ScanProgress progress) {
		Throwable cause = (failure instanceof CompletionException && failure.getCause() != null) ? failure.getCause()
				: failure;
		if (!(cause instanceof RuntimeException runtime)) {
			throw new CompletionException(cause);
		}
		ScanRow row = delivery.failure().apply(runtime);
		progress.done(delivery.label(), row.outcome(), 0);
		return row;
	}

}
