package se.scbdelivery.k8s;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Pattern;
import javax.xml.parsers.DocumentBuilderFactory;

import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import org.w3c.dom.Element;

import org.springframework.boot.context.properties.bind.Binder;
import org.springframework.boot.context.properties.source.ConfigurationPropertySources;
import org.springframework.boot.convert.DurationStyle;
import org.springframework.boot.env.YamlPropertySourceLoader;
import org.springframework.core.env.PropertySource;
import org.springframework.core.io.ByteArrayResource;

import se.scbdelivery.config.ScbProperties;
import se.scbdelivery.k8s.KubernetesManifestValidator.Document;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The manifests under {@code k8s/}: valid Kubernetes objects (see
 * {@link KubernetesManifestValidator}), and the operating policy they exist for, so that
 * an edit that breaks either fails here.
 */
class KubernetesManifestsTest {

	private static final Path K8S = Path.of("k8s");

	private static final String CERTIFICATE_SECRET = "scb-client-certificate";

	private static final String DATABASE_SECRET = "scb-delivery-database";

	private static final String NIGHTLY_SCAN = "scb-delivery-nightly-scan";

	private static final String MONTHLY_PRUNE = "scb-delivery-monthly-prune";

	/**
	 * The default of scb.shutdown.grace: the time the program takes to stop on SIGTERM.
	 */
	private static final Duration DEFAULT_SHUTDOWN_GRACE = Duration.ofSeconds(20);

	private static final Pattern CERTIFICATE_PASSWORD_ENV = Pattern
		.compile("(?i).*(KEY_?STORE_?PASSWORD|TLS.*PASSWORD|TRUST_?STORE_?PASSWORD|SPRING_APPLICATION_JSON).*");

	private static List<Document> documents;

	@BeforeAll
	static void load() throws IOException {
		documents = KubernetesManifestValidator.load(K8S);
	}

	@Test
	void everyDocumentIsAValidKubernetesObject() {
		KubernetesManifestValidator validator = new KubernetesManifestValidator();
		List<String> problems = new ArrayList<>();
		for (Document document : documents) {
			problems.addAll(validator.validate(document));
		}
		assertThat(problems)
			.as("problems against the Kubernetes %s API types", KubernetesManifestValidator.KUBERNETES_VERSION)
			.isEmpty();
		assertThat(documents).extracting(Document::kind)
			.contains("ConfigMap", "PersistentVolumeClaim", "CronJob", "Job");
	}

	@Test
	void theNightlyCronJobNeverOverlapsAndIsBounded() {
		Map<String, Object> cronJob = named("CronJob", NIGHTLY_SCAN).content();
		Map<String, Object> spec = map(cronJob, "spec");
		assertThat(spec.get("concurrencyPolicy")).isEqualTo("Forbid");
		assertThat(integer(spec, "startingDeadlineSeconds")).isPositive();
		Map<String, Object> jobSpec = map(spec, "jobTemplate", "spec");
		assertThat(integer(jobSpec, "backoffLimit")).isBetween(0, 5);
		assertThat(integer(jobSpec, "activeDeadlineSeconds")).isPositive();
		assertThat(args(podSpec(cronJob))).startsWith("scan", "/inbox");
		assertBusinessOutcomesAreNotRetried(jobSpec, "FailJob");
	}

	@Test
	void theMonthlyPruneRemovesOnlyOldFinalDeliveriesAndNeverOverlaps() {
		Map<String, Object> cronJob = named("CronJob", MONTHLY_PRUNE).content();
		Map<String, Object> spec = map(cronJob, "spec");
		assertThat(spec.get("concurrencyPolicy")).isEqualTo("Forbid");
		// minute, hour and day of the month fixed, every month, any weekday
		assertThat(String.valueOf(spec.get("schedule"))).matches("\\d+ \\d+ \\d+ \\* \\*");
		assertThat(integer(spec, "startingDeadlineSeconds")).isPositive();
		Map<String, Object> jobSpec = map(spec, "jobTemplate", "spec");
		assertThat(integer(jobSpec, "backoffLimit")).isBetween(0, 5);
		assertThat(integer(jobSpec, "activeDeadlineSeconds")).isPositive();
		// a dry run would remove nothing; the reports stay unless someone asks
		assertThat(args(podSpec(cronJob))).containsExactly("prune", "--older-than", "400d", "--yes");
		List<Map<String, Object>> rules = maps(at(jobSpec, "podFailurePolicy", "rules"));
		Map<String, Object> badInput = rules.stream()
			.filter((r) -> r.containsKey("onExitCodes"))
			.findFirst()
			.orElseThrow(() -> new AssertionError("no podFailurePolicy rule on exit codes"));
		assertThat(badInput.get("action")).isEqualTo("FailJob");
		assertThat(list(map(badInput, "onExitCodes"), "values")).containsExactly(2);
	}

	@Test
	void theMonthEndJobRunsSeveralPodsOnTheSameInbox() {
		Document job = only("Job");
		Map<String, Object> spec = map(job.content(), "spec");
		assertThat(integer(spec, "parallelism")).isGreaterThan(1);
		assertThat(integer(spec, "completions")).isEqualTo(integer(spec, "parallelism"));
		assertThat(integer(spec, "activeDeadlineSeconds")).isPositive();
		// created each month, never applied over last month's
		assertThat(map(job.content(), "metadata")).containsKey("generateName").doesNotContainKey("name");
		// FailIndex: a business outcome ends that pod's index, not its siblings'
		// deliveries
		assertThat(spec.get("completionMode")).isEqualTo("Indexed");
		assertThat(integer(spec, "backoffLimitPerIndex")).isBetween(0, 5);
		assertBusinessOutcomesAreNotRetried(spec, "FailIndex");
		assertThat(args(podSpec(job.content()))).startsWith("scan", "/inbox");
		assertThat(volumeClaims(podSpec(job.content()))).containsEntry("/inbox", "scb-delivery-inbox");
	}

	@Test
	void podsStopCleanlyRunAsNonRootOnAReadOnlyRootFileSystem() {
		Duration grace = configuredShutdownGrace();
		for (Document workload : workloads()) {
			Map<String, Object> pod = podSpec(workload.content());
			String where = workload.where();
			assertThat(pod.get("restartPolicy")).as(where).isEqualTo("Never");
			assertThat(integer(pod, "terminationGracePeriodSeconds")).as(where + " grace period above " + grace)
				.isGreaterThan((int) grace.toSeconds())
				.isGreaterThan((int) DEFAULT_SHUTDOWN_GRACE.toSeconds());
			Map<String, Object> podSecurity = map(pod, "securityContext");
			assertThat(podSecurity.get("runAsNonRoot")).as(where).isEqualTo(true);
			assertThat(integer(podSecurity, "runAsUser")).as(where).isPositive();
			assertThat(map(podSecurity, "seccompProfile").get("type")).as(where).isEqualTo("RuntimeDefault");
			assertThat(pod.get("automountServiceAccountToken")).as(where).isEqualTo(false);
			for (Map<String, Object> container : containers(pod)) {
				Map<String, Object> security = map(container, "securityContext");
				assertThat(security.get("readOnlyRootFilesystem")).as(where).isEqualTo(true);
				assertThat(security.get("allowPrivilegeEscalation")).as(where).isEqualTo(false);
				assertThat(list(map(security, "capabilities"), "drop")).as(where).contains("ALL");
				assertThat(map(container, "resources", "limits")).as(where).containsKey("memory");
				assertThat(map(container, "resources", "requests")).as(where).containsKeys("memory", "cpu");
				assertThat(String.valueOf(container.get("image"))).as(where).doesNotEndWith(":latest").contains(":");
			}
			// the read-only root file system: the JVM's and Netty's temporary files
			assertThat(emptyDirMounts(pod)).as(where).contains("/tmp");
		}
	}

	@Test
	void theCertificateAndItsPasswordAreFilesFromTheSecretNeverEnvironment() {
		Map<String, Object> settings = operatorSettings();
		String keyStore = (String) at(settings, "scb", "tls", "key-store");
		String passwordFile = (String) at(settings, "scb", "tls", "key-store-password-file");
		assertThat(at(settings, "scb", "tls", "key-store-password")).as("a password in the ConfigMap").isNull();
		assertThat(keyStore).isNotNull();
		assertThat(passwordFile).isNotNull();
		for (Document workload : workloads()) {
			Map<String, Object> pod = podSpec(workload.content());
			String mount = secretMounts(pod).get(CERTIFICATE_SECRET);
			assertThat(mount).as(workload.where() + ": the Secret " + CERTIFICATE_SECRET + " mounted").isNotNull();
			assertThat(keyStore).startsWith(mount + "/");
			assertThat(passwordFile).startsWith(mount + "/");
			for (Map<String, Object> container : containers(pod)) {
				for (Map<String, Object> env : maps(container.get("env"))) {
					String name = String.valueOf(env.get("name"));
					assertThat(name).as(workload.where() + ": an environment variable for a certificate password")
						.doesNotMatch(CERTIFICATE_PASSWORD_ENV);
					Object secretName = at(env, "valueFrom", "secretKeyRef", "name");
					assertThat(secretName).as(workload.where() + ": " + name + " from the certificate's Secret")
						.isNotEqualTo(CERTIFICATE_SECRET);
				}
				for (Map<String, Object> envFrom : maps(container.get("envFrom"))) {
					assertThat(at(envFrom, "secretRef", "name")).as(workload.where() + ": envFrom the certificate")
						.isNotEqualTo(CERTIFICATE_SECRET);
				}
			}
		}
		// no Secret with real content is kept in the repository
		assertThat(documents).extracting(Document::kind).doesNotContain("Secret");
	}

	@Test
	void theJobRepositoryIsPostgresFromTheSecretNeverTheH2Default() {
		for (Document workload : workloads()) {
			for (Map<String, Object> container : containers(podSpec(workload.content()))) {
				for (String name : List.of("SPRING_DATASOURCE_URL", "SPRING_DATASOURCE_USERNAME",
						"SPRING_DATASOURCE_PASSWORD")) {
					Map<String, Object> env = maps(container.get("env")).stream()
						.filter((e) -> name.equals(e.get("name")))
						.findFirst()
						.orElseThrow(() -> new AssertionError(workload.where() + ": no " + name));
					assertThat(env).as(workload.where() + ": " + name + " as a plain value").doesNotContainKey("value");
					assertThat(at(env, "valueFrom", "secretKeyRef", "name")).as(name).isEqualTo(DATABASE_SECRET);
				}
			}
		}
		String configuration = configMapFile();
		assertThat(configuration).doesNotContain("jdbc:h2").doesNotContainPattern("(?m)^\\s*password:");
	}

	@Test
	void theConfigMapIsTheOperatorFileInTheImagesWorkingDirectory() throws Exception {
		Element container = jibContainer();
		String workingDirectory = text(container, "workingDirectory");
		assertThat(text(container, "mainClass")).isEqualTo("se.scbdelivery.ScbDeliveryApplication");
		String user = text(container, "user");
		assertThat(user).doesNotStartWith("0").doesNotStartWith("root");
		for (Document workload : workloads()) {
			Map<String, Object> pod = podSpec(workload.content());
			assertThat(configMapMounts(pod)).as(workload.where())
				.containsEntry("scb-delivery-config", workingDirectory + "/config");
			assertThat(user).isEqualTo(
					map(pod, "securityContext").get("runAsUser") + ":" + map(pod, "securityContext").get("runAsGroup"));
			assertThat(volumeClaims(pod)).as(workload.where())
				.containsEntry("/inbox", "scb-delivery-inbox")
				.containsEntry("/reports", "scb-delivery-reports");
		}
		// the settings bind as the program binds them
		ScbProperties scb = new Binder(ConfigurationPropertySources.from(operatorSources())).bindOrCreate("scb",
				ScbProperties.class);
		assertThat(scb.environment().key()).isEqualTo("production");
		assertThat(scb.report().dir()).isEqualTo(Path.of("/reports"));
		assertThat(at(operatorSettings(), "logging", "file", "name").toString()).startsWith("/reports/");
		Duration activeDeadline = Duration.ofSeconds(integer(
				map(named("CronJob", NIGHTLY_SCAN).content(), "spec", "jobTemplate", "spec"), "activeDeadlineSeconds"));
		assertThat(scb.poll().timeout()).as("a run gives up following before Kubernetes ends it")
			.isLessThan(activeDeadline);
	}

	@Test
	void everyReferencedClaimAndConfigMapIsDefinedHere() {
		Set<String> claims = names("PersistentVolumeClaim");
		Set<String> configMaps = names("ConfigMap");
		for (Document workload : workloads()) {
			Map<String, Object> pod = podSpec(workload.content());
			assertThat(claims).as(workload.where()).containsAll(volumeClaims(pod).values());
			assertThat(configMaps).as(workload.where()).containsAll(configMapMounts(pod).keySet());
		}
		Document inbox = documents.stream()
			.filter((d) -> "scb-delivery-inbox".equals(map(d.content(), "metadata").get("name")))
			.findFirst()
			.orElseThrow();
		assertThat(list(map(inbox.content(), "spec"), "accessModes")).as("several pods, possibly on several nodes")
			.contains("ReadWriteMany");
	}

	/** The validator itself refuses what the API server would refuse. */
	@Nested
	class TheValidator {

		private final KubernetesManifestValidator validator = new KubernetesManifestValidator();

		private List<String> problems(String yaml) {
			List<String> problems = new ArrayList<>();
			for (Document document : KubernetesManifestValidator.parse(Path.of("inline.yaml"), yaml)) {
				problems.addAll(this.validator.validate(document));
			}
			return problems;
		}

		private static final String JOB = """
				apiVersion: batch/v1
				kind: Job
				metadata:
				  name: a-job
				spec:
				  parallelism: 3
				  template:
				    spec:
				      restartPolicy: Never
				      containers:
				        - name: main
				          image: example/image:1
				          resources:
				            limits:
				              memory: 512Mi
				""";

		@Test
		void acceptsAValidJob() {
			assertThat(problems(JOB)).isEmpty();
		}

		@Test
		void refusesAMisspelledField() {
			assertThat(problems(JOB.replace("restartPolicy", "restartPolicyy"))).singleElement()
				.asString()
				.contains("restartPolicyy");
		}

		@Test
		void refusesAStringForAnInteger() {
			assertThat(problems(JOB.replace("parallelism: 3", "parallelism: \"three\""))).isNotEmpty();
			assertThat(problems(JOB.replace("parallelism: 3", "parallelism: \"3\""))).singleElement()
				.asString()
				.contains("/spec/parallelism", "an integer");
		}

		@Test
		void refusesAMissingRequiredField() {
			assertThat(problems(JOB.replace("- name: main\n          image", "- image"))).singleElement()
				.asString()
				.contains("name");
		}

		@Test
		void refusesABadQuantityAndAnUnknownKind() {
			assertThat(problems(JOB.replace("512Mi", "lots"))).isNotEmpty();
			assertThat(problems(JOB.replace("kind: Job", "kind: Jobb"))).singleElement().asString().contains("Jobb");
		}

		@Test
		void refusesAnUppercaseName() {
			assertThat(problems(JOB.replace("a-job", "A_Job"))).singleElement().asString().contains("DNS-1123");
		}

		private List<String> problemsOrParseError(String yaml) {
			try {
				return problems(yaml);
			}
			catch (RuntimeException ex) {
				return List.of(ex.getMessage());
			}
		}

		@Test
		void refusesADuplicateKey() {
			assertThat(problemsOrParseError(JOB.replace("  parallelism: 3", "  parallelism: 3\n  parallelism: 4")))
				.isNotEmpty();
		}

	}

	private static void assertBusinessOutcomesAreNotRetried(Map<String, Object> jobSpec, String action) {
		List<Map<String, Object>> rules = maps(at(jobSpec, "podFailurePolicy", "rules"));
		Map<String, Object> outcomes = rules.stream()
			.filter((r) -> r.containsKey("onExitCodes"))
			.findFirst()
			.orElseThrow(() -> new AssertionError("no podFailurePolicy rule on exit codes"));
		assertThat(outcomes.get("action")).isEqualTo(action);
		assertThat(map(outcomes, "onExitCodes").get("operator")).isEqualTo("In");
		// 2 invalid input, 3 rejected by SCB, 4 loaded with errors; 1 (technical) is
		// retried
		assertThat(list(map(outcomes, "onExitCodes"), "values")).containsExactly(2, 3, 4);
	}

	private static Duration configuredShutdownGrace() {
		Object grace = at(operatorSettings(), "scb", "shutdown", "grace");
		return (grace != null) ? DurationStyle.detectAndParse(grace.toString()) : DEFAULT_SHUTDOWN_GRACE;
	}

	private static List<Document> workloads() {
		List<Document> workloads = documents.stream()
			.filter((d) -> d.kind().equals("CronJob") || d.kind().equals("Job"))
			.toList();
		assertThat(workloads).hasSizeGreaterThanOrEqualTo(2);
		return workloads;
	}

	private static Document named(String kind, String name) {
		List<Document> found = documents.stream()
			.filter((d) -> d.kind().equals(kind) && name.equals(map(d.content(), "metadata").get("name")))
			.toList();
		assertThat(found).as(kind + " " + name).hasSize(1);
		return found.get(0);
	}

	private static Document only(String kind) {
		List<Document> found = documents.stream().filter((d) -> d.kind().equals(kind)).toList();
		assertThat(found).as(kind).hasSize(1);
		return found.get(0);
	}

	private static Set<String> names(String kind) {
		Set<String> names = new TreeSet<>();
		documents.stream()
			.filter((d) -> d.kind().equals(kind))
			.forEach((d) -> names.add(String.valueOf(map(d.content(), "metadata").get("name"))));
		return names;
	}

	private static Map<String, Object> podSpec(Map<String, Object> workload) {
		Map<String, Object> spec = map(workload, "spec");
		if (spec.containsKey("jobTemplate")) {
			spec = map(spec, "jobTemplate", "spec");
		}
		return map(spec, "template", "spec");
	}

	private static List<Map<String, Object>> containers(Map<String, Object> pod) {
		List<Map<String, Object>> containers = maps(pod.get("containers"));
		assertThat(containers).isNotEmpty();
		return containers;
	}

	private static List<Object> args(Map<String, Object> pod) {
		return list(containers(pod).get(0), "args");
	}

	/** Mount path of each volume of one container's volume mounts, by volume name. */
	private static Map<String, String> mounts(Map<String, Object> pod) {
		Map<String, String> mounts = new java.util.HashMap<>();
		for (Map<String, Object> container : containers(pod)) {
			for (Map<String, Object> mount : maps(container.get("volumeMounts"))) {
				mounts.put(String.valueOf(mount.get("name")), String.valueOf(mount.get("mountPath")));
			}
		}
		return mounts;
	}

	/**
	 * Mount path by the name of the source (Secret, ConfigMap, claim) of volumes of a
	 * kind.
	 */
	private static Map<String, String> mountsOf(Map<String, Object> pod, String source, String nameKey) {
		Map<String, String> mounts = mounts(pod);
		Map<String, String> found = new java.util.HashMap<>();
		for (Map<String, Object> volume : maps(pod.get("volumes"))) {
			if (volume.get(source) instanceof Map<?, ?> from && mounts.containsKey(volume.get("name"))) {
				found.put(String.valueOf(from.get(nameKey)), mounts.get(volume.get("name")));
			}
		}
		return found;
	}

	private static Map<String, String> secretMounts(Map<String, Object> pod) {
		return mountsOf(pod, "secret", "secretName");
	}

	private static Map<String, String> configMapMounts(Map<String, Object> pod) {
		return mountsOf(pod, "configMap", "name");
	}

	/** Claim name by mount path. */
	private static Map<String, String> volumeClaims(Map<String, Object> pod) {
		Map<String, String> byPath = new java.util.HashMap<>();
		mountsOf(pod, "persistentVolumeClaim", "claimName").forEach((claim, path) -> byPath.put(path, claim));
		return byPath;
	}

	private static Set<String> emptyDirMounts(Map<String, Object> pod) {
		Map<String, String> mounts = mounts(pod);
		Set<String> paths = new TreeSet<>();
		for (Map<String, Object> volume : maps(pod.get("volumes"))) {
			if (volume.containsKey("emptyDir") && mounts.containsKey(volume.get("name"))) {
				paths.add(mounts.get(volume.get("name")));
			}
		}
		return paths;
	}

	private static String configMapFile() {
		Object file = at(only("ConfigMap").content(), "data", "application.yml");
		assertThat(file).as("the ConfigMap's application.yml").isInstanceOf(String.class);
		return (String) file;
	}

	private static List<PropertySource<?>> operatorSources() {
		try {
			return new YamlPropertySourceLoader().load("configmap",
					new ByteArrayResource(configMapFile().getBytes(java.nio.charset.StandardCharsets.UTF_8)));
		}
		catch (IOException ex) {
			throw new IllegalStateException(ex);
		}
	}

	private static Map<String, Object> operatorSettings() {
		return KubernetesManifestValidator.parse(Path.of("application.yml"), configMapFile()).get(0).content();
	}

	private static Element jibContainer() throws Exception {
		DocumentBuilderFactory factory = DocumentBuilderFactory.newInstance();
		factory.setFeature("http://apache.org/xml/features/disallow-doctype-decl", true);
		org.w3c.dom.Document pom = factory.newDocumentBuilder().parse(Files.newInputStream(Path.of("pom.xml")));
		var plugins = pom.getElementsByTagName("plugin");
		for (int i = 0; i < plugins.getLength(); i++) {
			Element plugin = (Element) plugins.item(i);
			if ("jib-maven-plugin".equals(text(plugin, "artifactId"))) {
				assertThat(plugin.getElementsByTagName("executions").getLength()).as("Jib bound to no phase").isZero();
				return (Element) plugin.getElementsByTagName("container").item(0);
			}
		}
		throw new AssertionError("no jib-maven-plugin in pom.xml");
	}

	private static String text(Element element, String tag) {
		return element.getElementsByTagName(tag).item(0).getTextContent().trim();
	}

	private static Object at(Map<String, Object> map, String... path) {
		Object current = map;
		for (String key : path) {
			if (!(current instanceof Map<?, ?> m)) {
				return null;
			}
			current = m.get(key);
		}
		return current;
	}

	@SuppressWarnings("unchecked")
	private static Map<String, Object> map(Map<String, Object> map, String... path) {
		Object found = at(map, path);
		assertThat(found).as(String.join(".", path)).isInstanceOf(Map.class);
		return (Map<String, Object>) found;
	}

	@SuppressWarnings("unchecked")
	private static List<Object> list(Map<String, Object> map, String key) {
		Object found = map.get(key);
		assertThat(found).as(key).isInstanceOf(List.class);
		return (List<Object>) found;
	}

	@SuppressWarnings("unchecked")
	private static List<Map<String, Object>> maps(Object list) {
		if (list == null) {
			return List.of();
		}
		return ((List<Object>) list).stream().filter(Objects::nonNull).map((o) -> (Map<String, Object>) o).toList();
	}

	private static int integer(Map<String, Object> map, String key) {
		Object value = map.get(key);
		assertThat(value).as(key).isInstanceOf(Integer.class);
		return (Integer) value;
	}

}
