package se.scbdelivery.scan;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicInteger;

import se.scbdelivery.report.ScanRow;

/**
 * Runs deliveries on a fixed number of threads and collects their rows in submission
 * order.
 */
final class DeliveryPool {

	private DeliveryPool() {
	}

	/**
	 * @param deliveries each turns its own failures into a row; an exception escaping one
	 * is a defect and ends the run
	 */
	static List<ScanRow> runAll(List<Callable<ScanRow>> deliveries, int concurrency) throws InterruptedException {
		if (concurrency < 1) {
			throw new IllegalArgumentException("--concurrency " + concurrency + " must be at least 1");
		}
		AtomicInteger number = new AtomicInteger();
		ExecutorService pool = Executors.newFixedThreadPool(concurrency, (runnable) -> {
			Thread thread = new Thread(runnable, "delivery-" + number.incrementAndGet());
			thread.setDaemon(true);
			return thread;
		});
		try {
			List<Future<ScanRow>> futures = new ArrayList<>();
			deliveries.forEach((delivery) -> futures.add(pool.submit(delivery)));
			List<ScanRow> rows = new ArrayList<>();
			for (Future<ScanRow> future : futures) {
				rows.add(future.get());
			}
			return rows;
		}
		catch (ExecutionException ex) {
			throw new IllegalStateException("a delivery task failed unexpectedly", ex.getCause());
		}
		finally {
			pool.shutdownNow();
		}
	}

}
