package se.scbdelivery.cli;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.concurrent.TimeUnit;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import se.scbdelivery.ScbDeliveryApplication;
import se.scbdelivery.simulator.ScbStandIn;
import se.scbdelivery.simulator.StandInOptions;
import se.scbdelivery.simulator.gdb.StoredDelivery;
import se.scbdelivery.testsupport.PostgresTestDatabase;
import se.scbdelivery.testsupport.TestFiles;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Month-end: three processes scan the same inbox at the same time against one fresh
 * PostgreSQL job repository, and SCB receives every file exactly once.
 */
class MultiProcessScanTest {

	private static final int FILES = 30;

	private static final int PROCESSES = 3;

	@TempDir
	Path dir;

	@Test
	void threeProcessesScanningOneInboxDeliverEachFileExactlyOnce() throws Exception {
		String database = PostgresTestDatabase.url();
		Path inbox = this.dir.resolve("inbox");
		List<String> expected = new ArrayList<>();
		for (int i = 0; i < FILES; i++) {
			String org = List.of("9990000045", "9990000052", "9990000136", "9990000219", "9990000391").get(i % 5);
			Path file = TestFiles.xml(inbox.resolve(org + "/VINN/2026-09-30/V40"), "report-" + i + ".xml", 1_500, null);
			expected.add(sha256(Files.readAllBytes(file)));
		}
		try (ScbStandIn scb = ScbStandIn.start(StandInOptions.defaults().withPort(0).withPollsBeforeFinal(1))) {
			List<Process> processes = new ArrayList<>();
			for (int p = 0; p < PROCESSES; p++) {
				processes.add(new ProcessBuilder(Path.of(System.getProperty("java.home"), "bin", "java").toString(), "-cp",
						System.getProperty("java.class.path"), ScbDeliveryApplication.class.getName(), "scan",
						inbox.toString(), "--concurrency", "4", "--scb.gdb.base-url=" + scb.gdbBaseUrl(),
						"--spring.datasource.url=" + database, "--spring.datasource.username=" + PostgresTestDatabase.user(),
						"--spring.datasource.password=", "--scb.report.dir=" + this.dir.resolve("reports-" + p),
						"--logging.file.name=" + this.dir.resolve("scb-" + p + ".log"), "--scb.upload.fragment-size=1000",
						"--scb.poll.interval=10ms", "--scb.poll.max-interval=20ms", "--scb.inbox.settle=100ms")
					.directory(this.dir.toFile())
					.redirectOutput(this.dir.resolve("out-" + p + ".txt").toFile())
					.redirectError(this.dir.resolve("err-" + p + ".txt").toFile())
					.start());
			}
			StringBuilder outputs = new StringBuilder();
			for (int p = 0; p < PROCESSES; p++) {
				assertThat(processes.get(p).waitFor(5, TimeUnit.MINUTES)).as("process " + p + " finished").isTrue();
				String out = Files.readString(this.dir.resolve("out-" + p + ".txt"), StandardCharsets.UTF_8);
				outputs.append("--- process ").append(p).append(" exit ").append(processes.get(p).exitValue()).append('\n')
					.append(out);
			}
			for (Process process : processes) {
				assertThat(process.exitValue()).as(outputs.toString()).isZero();
			}

			List<StoredDelivery> deliveries = scb.deliveries();
			assertThat(deliveries).as(outputs.toString()).hasSize(FILES);
			assertThat(deliveries.stream().map((delivery) -> sha256(delivery.content())))
				.containsExactlyInAnyOrderElementsOf(expected);
			System.out.println("multi-process scan: " + PROCESSES + " processes, " + FILES + " files, "
					+ deliveries.size() + " deliveries received by SCB, " + scb.heartbeatCount() + " heartbeats");
		}
	}

	private static String sha256(byte[] bytes) {
		try {
			return HexFormat.of().formatHex(java.security.MessageDigest.getInstance("SHA-256").digest(bytes));
		}
		catch (java.security.NoSuchAlgorithmException ex) {
			throw new IllegalStateException(ex);
		}
	}

}
