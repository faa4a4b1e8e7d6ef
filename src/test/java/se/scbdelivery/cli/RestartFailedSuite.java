package se.scbdelivery.cli;

import java.nio.file.Path;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.JdbcTemplate;

import se.scbdelivery.delivery.launch.ResumableExecutions;
import se.scbdelivery.simulator.gdb.StoredDelivery;
import se.scbdelivery.simulator.server.Faults.Call;
import se.scbdelivery.simulator.server.Gate;
import se.scbdelivery.testsupport.CliResult;
import se.scbdelivery.testsupport.TestFiles;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * {@code restart --failed}: every delivery that failed technically or was stopped
 * resumes, one SCB refused does not. Run on each job repository by
 * {@link DeliveryEndToEndOnH2Test} and {@link DeliveryEndToEndOnPostgresTest}.
 */
abstract class RestartFailedSuite extends DeliveryEndToEnd {

	@Autowired
	ResumableExecutions resumable;

	@Autowired
	JdbcTemplate jdbc;

	/**
	 * The suites share their job repository, and {@code restart --failed} resumes every
	 * resumable delivery in it: what the other suites left failed is abandoned first, so
	 * that this test's own deliveries are the only ones it finds, in whatever order the
	 * suites run.
	 */
	@BeforeEach
	void nothingElseLeftToResume() throws Exception {
		for (long execution : this.resumable.find()) {
			CliResult abandoned = run("abandon", String.valueOf(execution), "--reason", "left by another suite");
			assertThat(abandoned.exitCode()).as(abandoned.toString()).isZero();
		}
	}

	@Test
	void restartFailedResumesFailedAndStoppedDeliveriesButNotRejectedOnes() throws Exception {
		// a delivery that fails technically
		this.scb.faults().respond(Call.FRAGMENT, 2, Integer.MAX_VALUE, 503);
		Path failing = TestFiles.xml(this.inbox, "failing.xml", 3_500, null);
		assertThat(deliver(failing, "VINN", "2024-06-30", "V40").exitCode()).isEqualTo(1);
		this.scb.faults().clear();
		// a delivery SCB refused at completion: resuming it would get the same answer
		this.scb.faults().respond(Call.COMPLETION, null, 1, 400, "{\"Message\":\"schema error\"}", Map.of());
		assertThat(deliver(TestFiles.xml(this.inbox, "refused.xml", 500, null), "VINN", "2024-06-30", "V40").exitCode())
			.isEqualTo(3);
		// a delivery stopped by an operator while SCB held its fragment 1
		Gate gate = this.scb.faults().gate(Call.FRAGMENT, 1);
		Path stopping = TestFiles.xml(this.inbox, "stopping.xml", 2_500, null);
		CompletableFuture<CliResult> running = CompletableFuture
			.supplyAsync(() -> deliver(stopping, "KRITA", "2024-06-30", "K"));
		gate.awaitArrival(java.time.Duration.ofSeconds(20));
		this.jobOperator.stop(this.jobRepository.findRunningJobExecutions("gdbDelivery").iterator().next());
		gate.release();
		CliResult stopped = running.get(30, TimeUnit.SECONDS);
		assertThat(stopped.out()).as(stopped.toString()).contains("STOPPED (exit 1)");
		int deliveries = this.scb.deliveries().size();

		CliResult restart = run("restart", "--failed", "--concurrency", "2");

		assertThat(restart.exitCode()).as(restart.toString()).isZero();
		assertThat(this.scb.deliveries().subList(deliveries, this.scb.deliveries().size()))
			.extracting(StoredDelivery::content)
			.containsExactlyInAnyOrder(bytes(failing), bytes(stopping));
		assertThat(restart.out()).contains("failing.xml").contains("stopping.xml").doesNotContain("refused.xml");
		assertThat(run("restart", "--failed").out()).doesNotContain("failing.xml").doesNotContain("stopping.xml");
		// every delivery ended (loaded, refused, or abandoned before the test): none is
		// left open for restart --failed to read
		assertThat(this.jdbc.queryForObject("SELECT COUNT(*) FROM SCB_OPEN_DELIVERY", Integer.class)).isZero();
	}

}
