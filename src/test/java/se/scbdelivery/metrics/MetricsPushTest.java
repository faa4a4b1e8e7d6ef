package se.scbdelivery.metrics;

import java.io.IOException;
import java.nio.file.Path;
import java.util.List;
import java.util.regex.Pattern;

import org.jspecify.annotations.Nullable;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import se.scbdelivery.metrics.FakePushgateway.Push;
import se.scbdelivery.simulator.ScbStandIn;
import se.scbdelivery.simulator.StandInOptions;
import se.scbdelivery.testsupport.ChildJvm;
import se.scbdelivery.testsupport.CliResult;
import se.scbdelivery.testsupport.ProductSettings;
import se.scbdelivery.testsupport.TestFiles;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * A delivery in a JVM of its own, as a CronJob's pod runs it: with the Pushgateway
 * configured, closing the context at the end of the command pushes the delivery counter
 * and Spring Batch's job metric; without it nothing is pushed.
 */
class MetricsPushTest {

	@TempDir
	Path dir;

	private ScbStandIn scb;

	private FakePushgateway pushgateway;

	private ProductSettings settings;

	@BeforeEach
	void start() throws IOException {
		this.scb = ScbStandIn.start(StandInOptions.defaults().withPollsBeforeFinal(1));
		this.pushgateway = FakePushgateway.start();
		this.settings = ProductSettings.standard(MetricsPushTest.class, this.dir).standIn(this.scb);
	}

	@AfterEach
	void stop() {
		this.pushgateway.close();
		this.scb.close();
	}

	@Test
	void aLoadedDeliveryIsPushedWhenTheCommandEnds() {
		CliResult result = deliver(null, withPushgateway());

		assertThat(result.exitCode()).as(result.toString()).isZero();
		Push last = lastPush(result);
		assertThat(last.method()).isEqualTo("PUT");
		assertThat(last.path()).isEqualTo("/metrics/job/scb-delivery/instance/pod-1");
		assertThat(last.body()).containsPattern(once("scb_deliveries_total", "api=\"gdb\"", "outcome=\"LOADED\""))
			.containsPattern(once("scb_delivery_duration_seconds_count", "api=\"gdb\"", "outcome=\"LOADED\""))
			.containsPattern(once("spring_batch_job_seconds_count", "spring_batch_job_name=\"gdbDelivery\"",
					"spring_batch_job_status=\"COMPLETED\""))
			// the report step runs once; the upload and poll steps run again in the
			// restart
			// that takes SCB's verdict after the delivery waited
			.containsPattern(once("spring_batch_step_seconds_count", "spring_batch_step_name=\"writeReport\"",
					"spring_batch_step_status=\"COMPLETED\""));
	}

	@Test
	void aRejectedDeliveryIsPushedAsNotLoaded() {
		CliResult result = deliver("Ej inläst", withPushgateway());

		assertThat(result.exitCode()).as(result.toString()).isEqualTo(3);
		assertThat(lastPush(result).body())
			.containsPattern(once("scb_deliveries_total", "api=\"gdb\"", "outcome=\"NOT_LOADED\""))
			.doesNotContain("outcome=\"LOADED\"");
	}

	@Test
	void withoutThePushgatewaySettingsNothingIsPushed() {
		CliResult result = deliver(null, this.settings);

		assertThat(result.exitCode()).as(result.toString()).isZero();
		assertThat(result.err()).doesNotContain("Pushgateway");
		assertThat(this.pushgateway.pushes()).isEmpty();
	}

	@Test
	void anUnreachablePushgatewayChangesNoExitCode() {
		ProductSettings settings = withPushgateway();
		this.pushgateway.close();

		CliResult result = deliver(null, settings);

		assertThat(result.exitCode()).as(result.toString()).isZero();
		assertThat(result.out()).contains("LOADED (exit 0)");
		// on the warning's own line: where the push went and why it failed, no stack
		// trace
		assertThat(result.err().lines().filter((line) -> line.contains("WARN") && line.contains("Pushgateway")))
			.as("the operator sees why nothing arrived")
			.isNotEmpty()
			.allSatisfy((line) -> assertThat(line)
				.contains(": Failed to push metrics to the Prometheus Pushgateway on http://"
						+ this.pushgateway.address())
				.contains("Connection refused"));
		assertThat(result.err()).doesNotContain("\tat ");
	}

	private ProductSettings withPushgateway() {
		String prefix = "management.prometheus.metrics.export.pushgateway.";
		return this.settings.with(prefix + "enabled", true)
			.with(prefix + "address", this.pushgateway.address())
			.with(prefix + "grouping-key.instance", "pod-1");
	}

	/** A line of the text format: the series with these labels (among others), at 1. */
	private static String once(String series, String... labels) {
		StringBuilder pattern = new StringBuilder("(?m)^").append(series).append("\\{");
		for (String label : labels) {
			pattern.append("(?=[^}]*").append(Pattern.quote(label)).append(")");
		}
		return pattern.append("[^}]*} 1(\\.0)?$").toString();
	}

	private Push lastPush(CliResult result) {
		List<Push> pushes = this.pushgateway.pushes();
		assertThat(pushes).as(result.toString()).isNotEmpty();
		return pushes.get(pushes.size() - 1);
	}

	private CliResult deliver(@Nullable String scbOutcome, ProductSettings settings) {
		Path file = TestFiles.xml(this.dir.resolve("inbox"), "vinn.xml", 1_500, scbOutcome);
		// the push happens when the process's context closes: a JVM of its own
		return ChildJvm.withSettings(settings)
			.run("deliver", "--file", file.toString(), "--org", "999000-0045", "--program", "VINN", "--period",
					"2024-06-30", "--format", "V40");
	}

}
