package se.scbdelivery.metrics;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Predicate;
import java.util.regex.MatchResult;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import java.util.stream.Stream;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.yaml.snakeyaml.Yaml;

import se.scbdelivery.metrics.RealPushgateway.Sample;
import se.scbdelivery.scb.http.ScbEndpoint;
import se.scbdelivery.simulator.ScbStandIn;
import se.scbdelivery.simulator.StandInOptions;
import se.scbdelivery.testsupport.ChildJvm;
import se.scbdelivery.testsupport.CliResult;
import se.scbdelivery.testsupport.ProductSettings;
import se.scbdelivery.testsupport.TestFiles;
import se.scbdelivery.testsupport.TestPki;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

/**
 * Two nightly scans, each in a JVM of its own as the CronJob's pod runs it, pushing to
 * Prometheus's real Pushgateway with the grouping key the shipped ConfigMap sets: over
 * mutual TLS to a stand-in, then with SCB gone. What the Pushgateway serves for scraping
 * is what the alerts read: files by outcome, the last good scan's time (kept through the
 * failed run), the certificate's expiry, SCB's calls and retries, and labels that never
 * hold a file, an organisation number or a secret.
 */
class PushgatewayScanTest {

	private static final String ORG = "999000-0045";

	private static final String KEY_STORE_PASSWORD = "client-secret-7f3a";

	@TempDir
	Path dir;

	private RealPushgateway pushgateway;

	private TestPki pki;

	private TestPki.Store client;

	private ScbStandIn scb;

	private ProductSettings settings;

	private Path inbox;

	@BeforeEach
	void start() throws IOException, InterruptedException {
		this.pushgateway = RealPushgateway.start(this.dir.resolve("pushgateway.log"));
		this.pki = new TestPki(this.dir.resolve("pki"));
		TestPki.Store server = this.pki.serverKeyStore("server.p12", "server-secret");
		TestPki.Store trust = this.pki.trustStore("trust.p12", "trust-secret");
		this.client = this.pki.clientKeyStore("client.p12", KEY_STORE_PASSWORD, Duration.ofDays(700));
		this.scb = ScbStandIn.start(StandInOptions.defaults()
			.withPollsBeforeFinal(1)
			.withTls(server.path(), server.password())
			.withRequiredClientCertificate(trust.path(), trust.password()));
		Path passwordFile = Files.writeString(this.dir.resolve("key-store-password"), KEY_STORE_PASSWORD);
		String pushgateway = "management.prometheus.metrics.export.pushgateway.";
		this.settings = ProductSettings.standard(PushgatewayScanTest.class, this.dir)
			.gdbBaseUrl("https://localhost:" + this.scb.port() + "/m2m/v2/")
			.trustStore(trust.path())
			.trustStorePassword(trust.password())
			.keyStore(this.client.path(), passwordFile)
			.httpMaxAttempts(2)
			.httpInitialBackoff("10ms")
			// as the shipped ConfigMap has them, its variables resolved as in the nightly
			// pod
			.with(pushgateway + "enabled", true)
			.with(pushgateway + "address", this.pushgateway.address())
			.with(pushgateway + "grouping-key.instance", "nightly-scan")
			.with(pushgateway + "grouping-key.index", "0");
		this.inbox = this.dir.resolve("inbox");
	}

	@AfterEach
	void stop() {
		if (this.scb != null) {
			this.scb.close();
		}
		this.pushgateway.close();
	}

	@Test
	void aScanPushesWhatTheAlertsReadAndAFailedOneKeepsTheLastGoodScansTime() throws Exception {
		TestFiles.xml(this.inbox.resolve(ORG + "/VINN/2026-09-30/V40"), "loaded.xml", 1_500, null);
		TestFiles.xml(this.inbox.resolve(ORG + "/VINN/2026-10-31/V40"), "rejected.xml", 1_500, "Ej inläst");

		Instant before = Instant.now();
		CliResult good = scan();
		Instant after = Instant.now();

		assertThat(good.exitCode()).as(good.toString()).isEqualTo(3);
		List<Sample> first = ours(this.pushgateway.scrape());
		assertThat(value(first, "scb_scan_files", "outcome", "LOADED")).isEqualTo(1);
		assertThat(value(first, "scb_scan_files", "outcome", "NOT_LOADED")).isEqualTo(1);
		assertThat(value(first, "scb_scan_files", "outcome", "REFUSED")).isZero();
		assertThat(value(first, "scb_scan_files", "outcome", "FAILED")).isZero();
		assertThat(value(first, "scb_deliveries_total", "outcome", "LOADED")).isEqualTo(1);
		double lastGood = value(first, "scb_scan_last_success_timestamp_seconds");
		assertThat(lastGood).isBetween(before.toEpochMilli() / 1000.0 - 1, after.toEpochMilli() / 1000.0);
		assertThat(value(first, "scb_client_certificate_expiry_timestamp_seconds", "certificate", "client"))
			.isEqualTo(this.client.certificate().getNotAfter().toInstant().getEpochSecond());
		assertThat(value(first, "scb_client_certificate_expiry_timestamp_seconds", "certificate", "chain"))
			.isEqualTo(this.pki.caCertificate().getNotAfter().toInstant().getEpochSecond());
		assertThat(value(first, "scb_client_certificate_days_to_expiry", "certificate", "client")).isCloseTo(700,
				within(0.1));
		assertThat(value(first, "scb_calls_total", "endpoint", "gdb_heartbeat", "result", "answered"))
			.isGreaterThanOrEqualTo(1);
		assertThat(value(first, "scb_calls_total", "endpoint", "gdb_fragment", "result", "answered"))
			.isEqualTo(this.scb.fragments().stream().filter((fragment) -> fragment.index() >= 0).count());
		assertThat(value(first, "scb_calls_total", "endpoint", "gdb_complete", "result", "answered")).isEqualTo(2);
		assertThat(value(first, "scb_calls_total", "endpoint", "gdb_history", "result", "answered"))
			.isGreaterThanOrEqualTo(2);
		assertThat(value(first, "scb_reachable")).isEqualTo(1);
		Set<String> endpoints = Set.of(ScbEndpoint.values())
			.stream()
			.map(ScbEndpoint::label)
			.collect(Collectors.toSet());
		List<Sample> netty = first.stream()
			.filter((sample) -> sample.name().startsWith("reactor_netty_http_client"))
			.toList();
		assertThat(netty).as("Reactor Netty's client meters").isNotEmpty();
		assertThat(netty).filteredOn((sample) -> sample.labels().containsKey("uri"))
			.isNotEmpty()
			.anySatisfy((sample) -> assertThat(sample.labels()).containsEntry("uri", "gdb_fragment"))
			// the connection's own meters (connect, TLS handshake) name the protocol
			.allSatisfy((sample) -> assertThat(sample.labels().get("uri")).isIn(union(endpoints, "http")));
		assertNothingIdentifying(first);

		// SCB gone: a new file fails technically; the push says so and keeps the last
		// good scan
		this.scb.close();
		this.scb = null;
		TestFiles.xml(this.inbox.resolve(ORG + "/VINN/2026-11-30/V40"), "new.xml", 1_500, null);

		CliResult failed = scan();

		assertThat(failed.exitCode()).as(failed.toString()).isEqualTo(1);
		List<Sample> second = ours(this.pushgateway.scrape());
		assertThat(value(second, "scb_scan_files", "outcome", "FAILED")).isEqualTo(1);
		assertThat(value(second, "scb_scan_last_success_timestamp_seconds")).isCloseTo(lastGood, within(0.001));
		assertThat(value(second, "scb_reachable")).isZero();
		assertThat(value(second, "scb_calls_total", "endpoint", "gdb_heartbeat", "result", "connection")).isEqualTo(2);
		assertThat(value(second, "scb_call_retries_total", "endpoint", "gdb_heartbeat")).isEqualTo(1);
		assertThat(second).noneMatch(named("scb_calls_total").and((sample) -> sample.has("result", "answered")));
		assertNothingIdentifying(second);
		// every series the shipped alerts ask for is one these two runs really pushed
		Set<String> pushed = Stream.concat(first.stream(), second.stream())
			.map(Sample::name)
			.collect(Collectors.toSet());
		assertThat(alertSeries()).isNotEmpty().allSatisfy((series) -> assertThat(pushed).contains(series));
	}

	private static Set<String> alertSeries() throws IOException {
		String rules = Files.readString(Path.of("k8s/monitoring/scb-delivery-alerts.yaml"));
		return Pattern.compile("\\bscb_[a-z_]+\\b")
			.matcher(rules)
			.results()
			.map(MatchResult::group)
			.collect(Collectors.toSet());
	}

	@Test
	void theShippedConfigMapPushesOneGroupPerWorkloadNotPerPod() throws Exception {
		// the ConfigMap's own application.yml, as the pod reads it from /app/config
		Path app = Files.createDirectories(this.dir.resolve("app/config")).getParent();
		Map<String, Map<String, String>> configMap = new Yaml()
			.load(Files.readString(Path.of("k8s/base/configmap.yaml")));
		Files.writeString(app.resolve("config/application.yml"), configMap.get("data").get("application.yml"));
		// what only the cluster has: the mounted files' paths, the Pushgateway's address
		ProductSettings here = this.settings
			.without("management.prometheus.metrics.export.pushgateway.grouping-key.instance")
			.without("management.prometheus.metrics.export.pushgateway.grouping-key.index")
			.with("scb.environment", "test")
			.with("scb.inbox.done-dir", this.dir.resolve("done"))
			.with("scb.inbox.failed-dir", this.dir.resolve("failed"));
		ChildJvm pod = ChildJvm.withSettings(here).workingDirectory(app);

		for (String hostname : List.of("scb-delivery-ops-heartbeat-7xk2p", "scb-delivery-ops-heartbeat-q9f4d")) {
			CliResult heartbeat = pod.environment(Map.of("SCB_METRICS_GROUP", "ops", "HOSTNAME", hostname))
				.run("heartbeat");
			assertThat(heartbeat.exitCode()).as(heartbeat.toString()).isZero();
		}
		CliResult monthEnd = pod.environment(Map.of("SCB_METRICS_GROUP", "month-end", "JOB_COMPLETION_INDEX", "2",
				"HOSTNAME", "scb-delivery-month-end-2-abcde"))
			.run("heartbeat");
		assertThat(monthEnd.exitCode()).as(monthEnd.toString()).isZero();

		List<Sample> groups = this.pushgateway.scrape()
			.stream()
			.filter(named("push_time_seconds").and((sample) -> sample.has("job", "scb-delivery")))
			.toList();
		assertThat(groups).map(Sample::labels)
			.containsExactlyInAnyOrder(Map.of("job", "scb-delivery", "instance", "ops", "index", "0"),
					Map.of("job", "scb-delivery", "instance", "month-end", "index", "2"));
		assertThat(this.pushgateway.scrape()).filteredOn(named("scb_reachable"))
			.hasSize(2)
			.allSatisfy((sample) -> assertThat(sample.value()).isEqualTo(1));
	}

	private CliResult scan() {
		return ChildJvm.withSettings(this.settings).run("scan", this.inbox.toString());
	}

	/** The samples of this program's group, which must carry the whole grouping key. */
	private static List<Sample> ours(List<Sample> all) {
		List<Sample> ours = all.stream().filter((sample) -> sample.has("job", "scb-delivery")).toList();
		assertThat(ours).isNotEmpty()
			.allSatisfy((sample) -> assertThat(sample.labels()).containsEntry("instance", "nightly-scan")
				.containsEntry("index", "0"));
		return ours;
	}

	private void assertNothingIdentifying(List<Sample> samples) {
		List<String> forbidden = List.of(ORG, ORG.replace("-", ""), ".xml", "loaded", "rejected", KEY_STORE_PASSWORD,
				"secret", this.dir.toString(), "test client");
		assertThat(samples).allSatisfy((sample) -> assertThat(sample.labels().values())
			.allSatisfy((label) -> assertThat(forbidden).noneMatch(label::contains)));
	}

	private static Set<String> union(Set<String> set, String one) {
		return Stream.concat(set.stream(), Stream.of(one)).collect(Collectors.toSet());
	}

	private static Predicate<Sample> named(String name) {
		return (sample) -> sample.name().equals(name);
	}

	/** The one sample with this name and these label values. */
	private static double value(List<Sample> samples, String name, String... labels) {
		Predicate<Sample> match = named(name);
		for (int i = 0; i < labels.length; i += 2) {
			String label = labels[i];
			String value = labels[i + 1];
			match = match.and((sample) -> sample.has(label, value));
		}
		List<Sample> found = samples.stream().filter(match).toList();
		assertThat(found)
			.as(name + " " + List.of(labels) + " among "
					+ samples.stream().filter(named(name)).map(Sample::labels).toList())
			.hasSize(1);
		return found.get(0).value();
	}

}
