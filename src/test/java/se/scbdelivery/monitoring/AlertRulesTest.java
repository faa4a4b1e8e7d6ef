package se.scbdelivery.monitoring;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.jspecify.annotations.Nullable;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.yaml.snakeyaml.DumperOptions;
import org.yaml.snakeyaml.LoaderOptions;
import org.yaml.snakeyaml.Yaml;
import org.yaml.snakeyaml.constructor.SafeConstructor;
import org.yaml.snakeyaml.representer.Representer;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

import se.scbdelivery.testsupport.ExternalPrograms;
import se.scbdelivery.testsupport.Kustomize;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The alerts under {@code k8s/monitoring}: the PrometheusRule is an object the Prometheus
 * Operator takes, Prometheus' own {@code promtool} accepts its rules and passes their
 * unit tests ({@code alerts-test.yml}), the rules and the Grafana dashboard ask only for
 * the metrics and labels the product pushes (the metrics contract of issue 16), and every
 * alert says what to do, with a runbook section in {@code docs/operations.md}.
 * <p>
 * promtool comes with Debian's {@code prometheus} package. Under CI ({@code CI=true},
 * where {@code .ci/run} installs it) a missing promtool fails these tests; elsewhere they
 * are skipped and say how to install it.
 */
class AlertRulesTest {

	private static final Path MONITORING = Path.of("k8s", "monitoring");

	private static final Path PROMETHEUS_RULE = MONITORING.resolve("scb-delivery-alerts.yaml");

	private static final Path PROMTOOL_TESTS = MONITORING.resolve("alerts-test.yml");

	private static final Path KUSTOMIZATION = MONITORING.resolve("kustomization.yaml");

	private static final Path DASHBOARD = MONITORING.resolve("grafana-dashboard.json");

	private static final Path OPERATIONS = Path.of("docs", "operations.md");

	/** The plain rule file {@code alerts-test.yml} names in its {@code rule_files}. */
	private static final String RULE_FILE = "scb-delivery-alerts.rules.yml";

	private static final long TIMEOUT_SECONDS = 120;

	/**
	 * Every series the contract says the product pushes, with the counter's and the
	 * timer's Prometheus names ({@code _total}, {@code _count}, {@code _sum},
	 * {@code _max}).
	 */
	private static final Set<String> CONTRACT_METRICS = Set.of("scb_deliveries_total",
			"scb_delivery_duration_seconds_count", "scb_delivery_duration_seconds_sum",
			"scb_delivery_duration_seconds_max", "scb_scan_files", "scb_scan_last_success_timestamp_seconds",
			"scb_client_certificate_expiry_timestamp_seconds", "scb_client_certificate_days_to_expiry",
			"scb_calls_total", "scb_call_retries_total", "scb_reachable");

	/** The label values the contract names, by label. */
	private static final Map<String, Set<String>> CONTRACT_LABEL_VALUES = Map.of("outcome",
			Set.of("LOADED", "LOADED_WITH_ERRORS", "NOT_LOADED", "REFUSED", "INVALID_INPUT", "FAILED", "STOPPED",
					"WAITING", "UNKNOWN", "ABANDONED", "SUPERSEDED", "SKIPPED"),
			"api", Set.of("gdb", "generic"), "certificate", Set.of("client", "chain"), "endpoint",
			Set.of("gdb_heartbeat", "gdb_fragment", "gdb_complete", "gdb_history", "generic_heartbeat",
					"generic_submit", "generic_status", "generic_result"),
			"result", Set.of("answered", "refused", "server_error", "timeout", "connection", "tls"), "job",
			Set.of("scb-delivery"));

	/**
	 * The labels a query may group by: the grouping key, the series' own labels of the
	 * contract.
	 */
	private static final Set<String> CONTRACT_LABELS = Set.of("job", "instance", "index", "outcome", "api",
			"certificate", "endpoint", "result");

	/** What the Pushgateway adds to each group, besides the pushed series. */
	private static final Set<String> PUSHGATEWAY_METRICS = Set.of("push_time_seconds");

	private static final Pattern SCB_METRIC = Pattern.compile("\\bscb_[a-z_]+\\b");

	private static final Pattern PUSHGATEWAY_METRIC = Pattern.compile("\\bpush_[a-z_]+\\b");

	private static final Pattern LABEL_MATCHER = Pattern.compile("\\b([a-z_]+)\\s*(=~|!~|!=|=)\\s*\"([^\"]*)\"");

	private static final Pattern GROUPING = Pattern.compile("\\b(?:by|without|on|ignoring)\\s*\\(([^)]*)\\)");

	/** The Prometheus Operator's RuleGroup and Rule (monitoring.coreos.com/v1). */
	private static final Set<String> GROUP_FIELDS = Set.of("name", "interval", "rules");

	private static final Set<String> ALERT_FIELDS = Set.of("alert", "expr", "for", "labels", "annotations");

	/** The CRD's pattern for {@code for}. */
	private static final Pattern DURATION = Pattern
		.compile("^(0|(([0-9]+)y)?(([0-9]+)w)?(([0-9]+)d)?(([0-9]+)h)?(([0-9]+)m)?(([0-9]+)s)?(([0-9]+)ms)?)$");

	private static final Pattern RUNBOOK = Pattern.compile("docs/operations\\.md#([a-z0-9-]+)");

	private static Map<String, Object> prometheusRule;

	private static List<Map<String, Object>> alerts;

	@TempDir
	Path work;

	@BeforeAll
	static void load() throws IOException {
		List<Object> documents = yamlDocuments(PROMETHEUS_RULE);
		assertThat(documents).as(PROMETHEUS_RULE + ": one YAML document").hasSize(1);
		prometheusRule = asMap(documents.get(0), PROMETHEUS_RULE.toString());
		alerts = new ArrayList<>();
		for (Map<String, Object> group : groups()) {
			alerts.addAll(maps(group.get("rules")));
		}
	}

	@Test
	void thePrometheusRuleIsAnObjectThePrometheusOperatorTakes() {
		assertThat(prometheusRule).containsEntry("apiVersion", "monitoring.coreos.com/v1")
			.containsEntry("kind", "PrometheusRule")
			.containsOnlyKeys("apiVersion", "kind", "metadata", "spec");
		Map<String, Object> metadata = map(prometheusRule.get("metadata"), "metadata");
		assertThat(metadata).containsEntry("name", "scb-delivery-alerts").doesNotContainKey("namespace");
		assertThat(map(metadata.get("labels"), "metadata.labels")).containsEntry("app.kubernetes.io/name",
				"scb-delivery");
		assertThat(map(prometheusRule.get("spec"), "spec")).containsOnlyKeys("groups");
		assertThat(groups()).as("one group").hasSize(1);
		Map<String, Object> group = groups().get(0);
		assertThat(group).containsEntry("name", "scb-delivery");
		assertThat(group.keySet()).isSubsetOf(GROUP_FIELDS);
		assertThat(alerts).isNotEmpty();
		Set<String> names = new TreeSet<>();
		for (Map<String, Object> alert : alerts) {
			String name = String.valueOf(alert.get("alert"));
			assertThat(alert.keySet()).as(name + ": only an alerting rule's fields").isSubsetOf(ALERT_FIELDS);
			assertThat(name).as("an alert's name").matches("ScbDelivery([A-Z][a-z0-9]+)+");
			assertThat(names.add(name)).as(name + " once").isTrue();
			assertThat(alert.get("expr")).as(name + ": expr").isInstanceOf(String.class);
			if (alert.containsKey("for")) {
				assertThat(String.valueOf(alert.get("for"))).as(name + ": for").matches(DURATION);
			}
			// the CRD's labels and annotations are maps of strings: index: 0 would be
			// refused
			for (String key : List.of("labels", "annotations")) {
				map(alert.get(key), name + "." + key)
					.forEach((k, v) -> assertThat(v).as(name + "." + key + "." + k).isInstanceOf(String.class));
			}
		}
	}

	@Test
	void kustomizeInstallsThePrometheusRuleAndNothingElse() throws IOException {
		List<Object> documents = yamlDocuments(KUSTOMIZATION);
		assertThat(documents).hasSize(1);
		Map<String, Object> kustomization = asMap(documents.get(0), KUSTOMIZATION.toString());
		assertThat(kustomization).containsEntry("apiVersion", "kustomize.config.k8s.io/v1beta1")
			.containsEntry("kind", "Kustomization")
			.containsEntry("resources", List.of(PROMETHEUS_RULE.getFileName().toString()));
	}

	@Test
	void kubectlRendersTheKustomizationAsThePrometheusRule() throws Exception {
		Kustomize.require();
		String rendered = Kustomize.build(MONITORING);
		List<Object> documents = new ArrayList<>();
		new Yaml(new SafeConstructor(new LoaderOptions())).loadAll(rendered).forEach(documents::add);
		assertThat(documents).hasSize(1);
		assertThat(documents.get(0)).as("what kubectl apply -k sends").isEqualTo(prometheusRule);
	}

	@Test
	void promtoolAcceptsTheRules() throws Exception {
		Path promtool = promtool();
		Path rules = writeRuleFile(this.work);

		String output = run(promtool.toString(), "check", "rules", rules.toString());

		assertThat(output).contains("SUCCESS: " + alerts.size() + " rules found");
	}

	@Test
	void promtoolUnitTestsOfTheAlertsPass() throws Exception {
		Path promtool = promtool();
		writeRuleFile(this.work);
		Path tests = Files.copy(PROMTOOL_TESTS, this.work.resolve(PROMTOOL_TESTS.getFileName()));

		String output = run(promtool.toString(), "test", "rules", tests.toString());

		assertThat(output).contains("SUCCESS");
	}

	@Test
	void theUnitTestsShowEveryAlertFiringAndEveryAlertQuiet() throws IOException {
		Map<String, Object> tests = asMap(yamlDocuments(PROMTOOL_TESTS).get(0), PROMTOOL_TESTS.toString());
		assertThat(tests.get("rule_files")).isEqualTo(List.of(RULE_FILE));
		Set<String> firing = new TreeSet<>();
		Set<String> quiet = new TreeSet<>();
		for (Map<String, Object> group : maps(tests.get("tests"))) {
			for (Map<String, Object> check : maps(group.get("alert_rule_test"))) {
				String name = String.valueOf(check.get("alertname"));
				(maps(check.get("exp_alerts")).isEmpty() ? quiet : firing).add(name);
			}
		}
		assertThat(firing).as("alerts some test expects to fire").containsExactlyInAnyOrderElementsOf(alertNames());
		assertThat(quiet).as("alerts some test expects not to fire").containsExactlyInAnyOrderElementsOf(alertNames());
	}

	@Test
	void aWrongExpectationFailsPromtool() throws Exception {
		// given: the nightly scan's last run reached SCB, and a test that says it did not
		Path promtool = promtool();
		writeRuleFile(this.work);
		Path tests = this.work.resolve("wrong-test.yml");
		Files.writeString(tests, """
				rule_files: [%s]
				tests:
				  - interval: 1m
				    input_series:
				      - series: 'scb_reachable{job="scb-delivery",instance="nightly-scan",index="0"}'
				        values: '1x10'
				      - series: 'push_time_seconds{job="scb-delivery",instance="nightly-scan",index="0"}'
				        values: '0x10'
				    alert_rule_test:
				      - eval_time: 5m
				        alertname: ScbDeliveryScbUnreachable
				        exp_alerts:
				          - exp_labels: {severity: warning, job: scb-delivery, instance: nightly-scan, index: "0"}
				""".formatted(RULE_FILE));

		// when
		ExternalPrograms.Outcome result = start(promtool.toString(), "test", "rules", tests.toString());

		// then
		assertThat(result.exitCode()).as("promtool's exit code; it said:%n%s", result.output()).isEqualTo(1);
		assertThat(result.output()).contains("FAILED", "alertname: ScbDeliveryScbUnreachable", "got:[]");
	}

	@Test
	void theRulesAskOnlyForTheContractsMetricsAndLabels() {
		for (Map<String, Object> alert : alerts) {
			assertOnlyContractNames(String.valueOf(alert.get("alert")), String.valueOf(alert.get("expr")));
		}
	}

	@Test
	void everyAlertTellsTheOnCallEngineerWhatHappenedAndWhatToDo() throws IOException {
		Set<String> anchors = anchors(Files.readString(OPERATIONS));
		for (Map<String, Object> alert : alerts) {
			String name = String.valueOf(alert.get("alert"));
			Map<String, Object> labels = map(alert.get("labels"), name + ".labels");
			assertThat(labels.get("severity")).as(name + ": severity").isIn("warning", "critical");
			Map<String, Object> annotations = map(alert.get("annotations"), name + ".annotations");
			assertThat(annotations).as(name).containsOnlyKeys("summary", "description", "runbook_url");
			assertThat(String.valueOf(annotations.get("summary"))).as(name + ": summary").hasSizeBetween(20, 140);
			assertThat(String.valueOf(annotations.get("description"))).as(name + ": description")
				.hasSizeGreaterThan(100);
			Matcher runbook = RUNBOOK.matcher(String.valueOf(annotations.get("runbook_url")));
			assertThat(runbook.matches()).as(name + ": runbook_url " + annotations.get("runbook_url")).isTrue();
			assertThat(runbook.group(1)).as(name + ": its own section in " + OPERATIONS)
				.isEqualTo(name.toLowerCase(java.util.Locale.ROOT));
			assertThat(anchors).as("headings of " + OPERATIONS).contains(runbook.group(1));
		}
	}

	@Test
	void theOperationsGuideNamesEveryMetricOfTheContract() throws IOException {
		String guide = Files.readString(OPERATIONS);
		assertThat(CONTRACT_METRICS.stream().filter((name) -> !guide.contains(name)).toList())
			.as("metrics of the contract that " + OPERATIONS + " does not name")
			.isEmpty();
		assertThat(guide.contains("honor_labels: true")).as(OPERATIONS + " names honor_labels: true").isTrue();
		assertThat(alertNames().stream().filter((name) -> !guide.contains("\n### " + name + "\n")).toList())
			.as("alerts without a section (### name) in " + OPERATIONS)
			.isEmpty();
		Set<String> anchors = anchors(guide);
		assertThat(found(Pattern.compile("(?<=\\]\\(#)[^)]+"), guide)).as("links within " + OPERATIONS)
			.isSubsetOf(anchors);
	}

	@Test
	void theDashboardAsksOnlyForTheContractsMetricsAndTheGuideShowsEveryQuery() throws IOException {
		// a | in a cell of a Markdown table is written \|
		String guide = Files.readString(OPERATIONS).replace("\\|", "|");
		for (Map.Entry<String, String> query : dashboardQueries().entrySet()) {
			assertOnlyContractNames(query.getKey(), query.getValue());
			assertThat(guide).as(query.getKey() + " in " + OPERATIONS).contains(query.getValue());
		}
	}

	@Test
	void promtoolAcceptsTheDashboardsQueries() throws Exception {
		// given: each panel's query as a recording rule, which promtool parses
		Path promtool = promtool();
		List<Map<String, Object>> rules = new ArrayList<>();
		int n = 0;
		for (String expr : dashboardQueries().values()) {
			rules.add(Map.of("record", "dashboard:query_" + (++n), "expr", expr));
		}
		Path file = this.work.resolve("dashboard.rules.yml");
		Files.writeString(file, dump(Map.of("groups", List.of(Map.of("name", "dashboard", "rules", rules)))));

		// when
		String output = run(promtool.toString(), "check", "rules", file.toString());

		// then
		assertThat(output).contains("SUCCESS: " + rules.size() + " rules found");
	}

	private static void assertOnlyContractNames(String where, String expr) {
		Set<String> scbMetrics = found(SCB_METRIC, expr);
		Set<String> pushgatewayMetrics = found(PUSHGATEWAY_METRIC, expr);
		assertThat(scbMetrics).as(where + ": scb_ metrics, in " + expr).isSubsetOf(CONTRACT_METRICS);
		assertThat(pushgatewayMetrics).as(where + ": the Pushgateway's metrics, in " + expr)
			.isSubsetOf(PUSHGATEWAY_METRICS);
		assertThat(scbMetrics.size() + pushgatewayMetrics.size()).as(where + ": a metric, in " + expr).isPositive();
		Matcher matcher = LABEL_MATCHER.matcher(expr);
		while (matcher.find()) {
			Set<String> allowed = CONTRACT_LABEL_VALUES.get(matcher.group(1));
			assertThat(allowed).as(where + ": label " + matcher.group(1) + " of the contract").isNotNull();
			for (String value : matcher.group(3).split("\\|")) {
				assertThat(value).as(where + ": a value of " + matcher.group(1)).isIn(allowed);
			}
		}
		Matcher grouping = GROUPING.matcher(expr);
		while (grouping.find()) {
			for (String label : grouping.group(1).split(",")) {
				assertThat(label.strip()).as(where + ": a label to group by").isIn(CONTRACT_LABELS);
			}
		}
	}

	private static Set<String> found(Pattern pattern, String text) {
		Set<String> found = new TreeSet<>();
		pattern.matcher(text).results().forEach((m) -> found.add(m.group()));
		return found;
	}

	/** Each target's query by its panel's title and the target's refId. */
	private static Map<String, String> dashboardQueries() throws IOException {
		JsonNode dashboard = JsonMapper.builder().build().readTree(Files.readString(DASHBOARD));
		assertThat(dashboard.path("title").asString()).isEqualTo("scb-delivery");
		assertThat(dashboard.path("panels").isArray()).as("panels").isTrue();
		Map<String, String> queries = new LinkedHashMap<>();
		for (JsonNode panel : dashboard.path("panels")) {
			String title = panel.path("title").asString();
			assertThat(panel.path("targets").isEmpty()).as(title + ": targets").isFalse();
			for (JsonNode target : panel.path("targets")) {
				String expr = target.path("expr").asString();
				assertThat(expr).as(title + " " + target.path("refId").asString()).isNotBlank();
				queries.put(title + " " + target.path("refId").asString(), expr);
			}
		}
		assertThat(queries).isNotEmpty();
		return queries;
	}

	/**
	 * The PrometheusRule's groups as the plain rule file Prometheus and promtool read.
	 */
	private static Path writeRuleFile(Path folder) throws IOException {
		Path file = folder.resolve(RULE_FILE);
		Files.writeString(file, dump(Map.of("groups", groups())));
		return file;
	}

	private static String dump(Object tree) {
		DumperOptions options = new DumperOptions();
		options.setDefaultFlowStyle(DumperOptions.FlowStyle.BLOCK);
		options.setWidth(4096);
		return new Yaml(new Representer(options), options).dump(tree);
	}

	/** GitHub's anchors of a Markdown file's headings: lower case, spaces to hyphens. */
	private static Set<String> anchors(String markdown) {
		Set<String> anchors = new TreeSet<>();
		for (String line : markdown.split("\n")) {
			if (line.startsWith("#")) {
				String heading = line.replaceFirst("^#+\\s*", "").strip().toLowerCase(java.util.Locale.ROOT);
				anchors.add(heading.replaceAll("[^\\p{L}\\p{N} _-]", "").replace(' ', '-'));
			}
		}
		return anchors;
	}

	private static List<String> alertNames() {
		return alerts.stream().map((a) -> String.valueOf(a.get("alert"))).toList();
	}

	private static List<Map<String, Object>> groups() {
		return maps(map(prometheusRule.get("spec"), "spec").get("groups"));
	}

	/**
	 * promtool, named by the environment variable {@code PROMTOOL} or found on the
	 * {@code PATH}; or the test skipped (failed under CI) with how to install it.
	 */
	private static Path promtool() {
		String named = System.getenv("PROMTOOL");
		Path promtool = (named != null) ? Path.of(named) : ExternalPrograms.onPath("promtool");
		ExternalPrograms.require(promtool != null && Files.isExecutable(promtool),
				(named != null) ? "PROMTOOL=" + named + " is not an executable" : "promtool is not on the PATH",
				"install Debian's prometheus package (apt-get install --no-install-recommends prometheus) "
						+ "to check and test the alerts");
		return promtool;
	}

	/** Runs a command to its end; its output, or the test failed with it. */
	private static String run(String... command) throws Exception {
		ExternalPrograms.Outcome result = start(command);
		assertThat(result.exitCode()).as("exit code of %s; it said:%n%s", String.join(" ", command), result.output())
			.isZero();
		return result.output();
	}

	private static ExternalPrograms.Outcome start(String... command) throws Exception {
		return ExternalPrograms.run(Duration.ofSeconds(TIMEOUT_SECONDS), List.of(command));
	}

	private static List<Object> yamlDocuments(Path file) throws IOException {
		LoaderOptions options = new LoaderOptions();
		options.setAllowDuplicateKeys(false);
		List<Object> documents = new ArrayList<>();
		for (Object document : new Yaml(new SafeConstructor(options)).loadAll(Files.readString(file))) {
			if (document != null) {
				documents.add(document);
			}
		}
		return documents;
	}

	@SuppressWarnings("unchecked")
	private static Map<String, Object> asMap(Object value, String what) {
		assertThat(value).as(what + " is a mapping").isInstanceOf(Map.class);
		return (Map<String, Object>) value;
	}

	private static Map<String, Object> map(@Nullable Object value, String what) {
		return asMap(value, what);
	}

	@SuppressWarnings("unchecked")
	private static List<Map<String, Object>> maps(@Nullable Object list) {
		if (list == null) {
			return List.of();
		}
		assertThat(list).isInstanceOf(List.class);
		return ((List<Object>) list).stream().map((o) -> asMap(o, "a list item")).toList();
	}

}
