package se.scbdelivery.k8s;

import java.io.File;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import javax.xml.parsers.DocumentBuilderFactory;

import com.google.gson.Gson;
import com.google.gson.JsonElement;
import com.google.gson.JsonObject;
import org.jspecify.annotations.Nullable;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.w3c.dom.Element;

import org.springframework.boot.context.properties.bind.Binder;
import org.springframework.boot.context.properties.source.ConfigurationPropertySources;
import org.springframework.boot.convert.DurationStyle;
import org.springframework.boot.env.YamlPropertySourceLoader;
import org.springframework.core.env.PropertySource;
import org.springframework.core.io.ByteArrayResource;

import se.scbdelivery.config.ScbProperties;
import se.scbdelivery.k8s.KubernetesManifestValidator.Document;
import se.scbdelivery.testsupport.Kustomize;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.entry;

/**
 * The manifests under {@code k8s/} as the cluster gets them: every overlay under
 * {@code k8s/overlays/} (each of the operator's one-off Jobs under {@code ops/} too)
 * rendered by the real {@code kubectl kustomize}, every rendered object valid against the
 * Kubernetes API types ({@link KubernetesManifestValidator}), and the operating policy of
 * k8s/README.md asserted on the rendered objects, so that an edit of the base, a
 * component or an overlay that breaks either fails here. Without {@code kubectl} the
 * tests that render are skipped with the reason; under {@code CI=true} they fail.
 */
class KubernetesManifestsTest {

	private static final Path K8S = Path.of("k8s");

	private static final Path OVERLAYS = K8S.resolve("overlays");

	/** The folders under k8s/ that may hold YAML; the monitoring is another kit's. */
	private static final Set<String> LAYOUT = Set.of("base", "overlays", "components", "release", "monitoring");

	private static final String NIGHTLY = "nightly";

	private static final String MONTH_END = "month-end";

	private static final String MONTHLY_PRUNE = "monthly-prune";

	private static final List<String> SCAN = List.of("scan", "/inbox", "--concurrency", "4");

	/** Every overlay, by its folder under k8s/overlays, and the command its pods run. */
	private static final Map<String, List<String>> ARGS = Map.of(NIGHTLY, SCAN, MONTH_END, SCAN, MONTHLY_PRUNE,
			List.of("prune", "--older-than", "400d", "--yes"), "ops/list", List.of("list"), "ops/heartbeat",
			List.of("heartbeat"), "ops/restart-failed", List.of("restart", "--failed"), "ops/prune-dry-run",
			List.of("prune", "--older-than", "400d"));

	private static final String CERTIFICATE_SECRET = "scb-client-certificate";

	private static final String DATABASE_SECRET = "scb-delivery-database";

	private static final String COMPONENT_LABEL = "app.kubernetes.io/component";

	private static final String METRICS_GROUP_FIELD = "metadata.labels['" + COMPONENT_LABEL + "']";

	/** The pod's user and group: Jib's {@code <user>} in pom.xml. */
	private static final int POD_GROUP = 65532;

	/**
	 * The default of scb.shutdown.grace: the time the program takes to stop on SIGTERM.
	 */
	private static final Duration DEFAULT_SHUTDOWN_GRACE = Duration.ofSeconds(20);

	private static final Pattern PASSWORD_ENV = Pattern
		.compile("(?i).*(PASSWORD|PASSWD|SECRET|SPRING_APPLICATION_JSON).*");

	private static final Pattern IMAGE_BY_DIGEST = Pattern
		.compile("[a-z0-9.-]+(:\\d+)?(/[a-z0-9._-]+)+@sha256:[0-9a-f]{64}");

	/** What kustomize uses and must never leave in what it renders. */
	private static final Pattern KUSTOMIZE_ANNOTATION = Pattern
		.compile("(internal\\.)?config\\.kubernetes\\.io/.*|kustomize\\.config\\.k8s\\.io/.*");

	private static @Nullable String kubectlMissing;

	private static @Nullable RuntimeException renderingFailed;

	private static Map<String, List<Document>> rendered = Map.of();

	@BeforeAll
	static void render() throws IOException {
		kubectlMissing = Kustomize.unavailable();
		if (kubectlMissing != null) {
			return;
		}
		try {
			rendered = renderEvery(OVERLAYS);
		}
		catch (RuntimeException ex) {
			renderingFailed = ex;
		}
	}

	@Test
	void everyOverlayRendersIntoValidKubernetesObjects() {
		KubernetesManifestValidator validator = new KubernetesManifestValidator();
		List<String> problems = new ArrayList<>();
		overlays().values()
			.forEach((objects) -> objects.forEach((object) -> problems.addAll(validator.validate(object))));
		assertThat(problems)
			.as("problems against the Kubernetes %s API types", KubernetesManifestValidator.KUBERNETES_VERSION)
			.isEmpty();
		assertThat(overlays().keySet()).as("the overlays under k8s/overlays")
			.containsExactlyInAnyOrderElementsOf(ARGS.keySet());
		assertThat(overlay(NIGHTLY)).extracting(Document::kind)
			.containsExactlyInAnyOrder("ConfigMap", "PersistentVolumeClaim", "PersistentVolumeClaim", "NetworkPolicy",
					"CronJob");
	}

	@Test
	void everyOverlayRendersOneWorkloadAndOnlyTheNightlyOneTheSharedObjects() {
		overlays().forEach((name, objects) -> {
			assertThat(objects.stream().filter(KubernetesManifestsTest::isWorkload)).as(name + ": workloads")
				.hasSize(1);
			if (!name.equals(NIGHTLY)) {
				// kubectl create -k creates the Job only, and a kubectl delete -k
				// of another overlay never deletes the volumes
				assertThat(objects).as(name + " renders its workload only").hasSize(1);
			}
		});
		// CronJobs are applied; Jobs are created under a fixed name, refused while
		// the last run exists
		assertThat(workload(NIGHTLY).kind()).isEqualTo("CronJob");
		assertThat(workload(MONTHLY_PRUNE).kind()).isEqualTo("CronJob");
		List<String> jobs = overlays().keySet().stream().filter((o) -> workload(o).kind().equals("Job")).toList();
		assertThat(jobs).containsExactlyInAnyOrder(MONTH_END, "ops/list", "ops/heartbeat", "ops/restart-failed",
				"ops/prune-dry-run");
		for (String job : jobs) {
			assertThat(map(workload(job).content(), "metadata")).as(job)
				.containsKey("name")
				.doesNotContainKey("generateName");
		}
		assertThat(overlays().keySet().stream().map((o) -> workload(o).name())).as("workload names")
			.doesNotHaveDuplicates();
	}

	@Test
	void thePodSpecIsTheOneTemplateInEveryOverlay() {
		JsonElement nightly = withoutArgs(podSpec(workload(NIGHTLY).content()));
		for (String overlay : overlays().keySet()) {
			Map<String, Object> pod = podSpec(workload(overlay).content());
			assertThat(containers(pod)).as(overlay).hasSize(1);
			assertThat(args(pod)).as(overlay + ": its command").containsExactlyElementsOf(ARGS.get(overlay));
			assertThat(withoutArgs(pod)).as(overlay + ": the pod spec apart from its args").isEqualTo(nightly);
		}
	}

	@Test
	void everyContainerRunsTheOneImageByDigestSetInOnePlace() throws IOException {
		Set<String> images = new TreeSet<>();
		for (String overlay : overlays().keySet()) {
			Map<String, Object> pod = podSpec(workload(overlay).content());
			for (Map<String, Object> container : allContainers(pod)) {
				String image = String.valueOf(container.get("image"));
				assertThat(image).as(overlay + ": an image by digest, never a tag").matches(IMAGE_BY_DIGEST);
				images.add(image);
			}
		}
		assertThat(images).as("one image in every overlay").hasSize(1);
		// the digest and the registry are written in k8s/release only
		String image = images.iterator().next();
		String repository = image.substring(0, image.indexOf('@'));
		String digest = image.substring(image.indexOf('@') + 1);
		for (Path file : KubernetesManifestValidator.yamlFiles(K8S)) {
			if (!file.startsWith(K8S.resolve("release")) && !file.startsWith(K8S.resolve("monitoring"))) {
				assertThat(Files.readString(file)).as(file + ": the image is set in k8s/release")
					.doesNotContain(repository)
					.doesNotContain(digest);
			}
		}
	}

	@Test
	void nothingRendersALocalConfigLeftover() {
		for (Document object : everyObject()) {
			assertThat(object.kind()).as(object.where()).isNotIn("PodTemplate", "Kustomization", "Component");
			Object annotations = at(object.content(), "metadata", "annotations");
			if (annotations instanceof Map<?, ?> map) {
				for (Object key : map.keySet()) {
					assertThat(String.valueOf(key)).as(object.where() + ": a kustomize annotation")
						.doesNotMatch(KUSTOMIZE_ANNOTATION);
				}
			}
		}
	}

	@Test
	void theNightlyCronJobNeverOverlapsAndIsBounded() {
		Map<String, Object> cronJob = workload(NIGHTLY).content();
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
		Map<String, Object> cronJob = workload(MONTHLY_PRUNE).content();
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
		Document job = workload(MONTH_END);
		Map<String, Object> spec = map(job.content(), "spec");
		assertThat(integer(spec, "parallelism")).isGreaterThan(1);
		assertThat(integer(spec, "completions")).isEqualTo(integer(spec, "parallelism"));
		assertThat(integer(spec, "activeDeadlineSeconds")).isPositive();
		// created each month under a fixed name: kept long enough to be read, and gone
		// before the next month-end (28 days at the least), so that its create finds the
		// name free; a create over a Job that still exists is refused, never applied
		assertThat(job.name()).isEqualTo("scb-delivery-month-end");
		assertThat(integer(spec, "ttlSecondsAfterFinished")).isBetween((int) Duration.ofDays(1).toSeconds(),
				(int) Duration.ofDays(27).toSeconds());
		// FailIndex: a business outcome ends that pod's index, not its siblings'
		// deliveries
		assertThat(spec.get("completionMode")).isEqualTo("Indexed");
		assertThat(integer(spec, "backoffLimitPerIndex")).isBetween(0, 5);
		assertBusinessOutcomesAreNotRetried(spec, "FailIndex");
		assertThat(args(podSpec(job.content()))).startsWith("scan", "/inbox");
		assertThat(volumeClaims(podSpec(job.content()))).containsEntry("/inbox", "scb-delivery-inbox");
	}

	@Test
	void theOperatorsOneOffJobsRunTheirCommandOnceAndCanBeCreatedAgain() {
		List<String> ops = overlays().keySet().stream().filter((o) -> o.startsWith("ops/")).toList();
		assertThat(ops).hasSize(4);
		for (String overlay : ops) {
			Document job = workload(overlay);
			Map<String, Object> spec = map(job.content(), "spec");
			// create -k k8s/overlays/ops/heartbeat: scb-delivery-ops-heartbeat
			assertThat(job.name()).isEqualTo("scb-delivery-ops-" + overlay.substring("ops/".length()));
			// a person waits for the answer: one pod, its exit code the Job's outcome
			assertThat(integer(spec, "backoffLimit")).as(overlay).isZero();
			assertThat(spec).as(overlay).doesNotContainKeys("completions", "parallelism", "completionMode");
			assertThat(integer(spec, "activeDeadlineSeconds")).as(overlay).isPositive();
			// removed soon after it ended, so the same command can be created again
			assertThat(integer(spec, "ttlSecondsAfterFinished")).as(overlay)
				.isBetween(1, (int) Duration.ofDays(1).toSeconds());
		}
		// the dry run never removes anything
		assertThat(args(podSpec(workload("ops/prune-dry-run").content()))).doesNotContain("--yes");
	}

	@Test
	void podsStopCleanlyRunAsNonRootOnAReadOnlyRootFileSystem() {
		Duration grace = configuredShutdownGrace();
		for (String overlay : overlays().keySet()) {
			Map<String, Object> pod = podSpec(workload(overlay).content());
			String where = workload(overlay).where();
			assertThat(pod.get("restartPolicy")).as(where).isEqualTo("Never");
			assertThat(integer(pod, "terminationGracePeriodSeconds")).as(where + " grace period above " + grace)
				.isGreaterThan((int) grace.toSeconds())
				.isGreaterThan((int) DEFAULT_SHUTDOWN_GRACE.toSeconds());
			Map<String, Object> podSecurity = map(pod, "securityContext");
			assertThat(podSecurity.get("runAsNonRoot")).as(where).isEqualTo(true);
			assertThat(integer(podSecurity, "runAsUser")).as(where).isPositive();
			assertThat(map(podSecurity, "seccompProfile").get("type")).as(where).isEqualTo("RuntimeDefault");
			assertThat(pod.get("automountServiceAccountToken")).as(where).isEqualTo(false);
			assertThat(pod).as(where + ": no init container unless opted in").doesNotContainKey("initContainers");
			for (Map<String, Object> container : containers(pod)) {
				Map<String, Object> security = map(container, "securityContext");
				assertThat(security.get("readOnlyRootFilesystem")).as(where).isEqualTo(true);
				assertThat(security.get("allowPrivilegeEscalation")).as(where).isEqualTo(false);
				assertThat(list(map(security, "capabilities"), "drop")).as(where).contains("ALL");
				assertThat(map(security, "capabilities")).as(where).doesNotContainKey("add");
				assertThat(map(container, "resources", "limits")).as(where).containsKey("memory");
				assertThat(map(container, "resources", "requests")).as(where).containsKeys("memory", "cpu");
			}
			// the read-only root file system: the JVM's and Netty's temporary files
			assertThat(emptyDirMounts(pod)).as(where).contains("/tmp");
		}
	}

	@Test
	void theVolumesAreTheGroupsOfTheNonRootPod() {
		for (String overlay : overlays().keySet()) {
			Map<String, Object> podSecurity = map(podSpec(workload(overlay).content()), "securityContext");
			assertThat(integer(podSecurity, "runAsUser")).as(overlay).isEqualTo(POD_GROUP);
			assertThat(integer(podSecurity, "runAsGroup")).as(overlay).isEqualTo(POD_GROUP);
			// the kubelet gives the volumes to the group, and walks a large inbox only
			// when its top folder is not the group's yet
			assertThat(integer(podSecurity, "fsGroup")).as(overlay).isEqualTo(POD_GROUP);
			assertThat(podSecurity.get("fsGroupChangePolicy")).as(overlay).isEqualTo("OnRootMismatch");
		}
	}

	@Test
	void theOptInVolumePermissionsRunAsRootWithThreeCapabilitiesOnly(@TempDir Path copy) throws IOException {
		overlays();
		// given: the kit with the two lines k8s/base/kustomization.yaml says to uncomment
		for (String folder : List.of("base", "overlays", "components", "release")) {
			copyTree(K8S.resolve(folder), copy.resolve(folder));
		}
		Path base = copy.resolve("base/kustomization.yaml");
		String optOut = "# components:\n#   - ../components/volume-permissions\n";
		assertThat(Files.readString(base)).as("the opt-in lines in k8s/base/kustomization.yaml").contains(optOut);
		Files.writeString(base,
				Files.readString(base).replace(optOut, "components:\n  - ../components/volume-permissions\n"));

		// when
		Map<String, List<Document>> optedIn = renderEvery(copy.resolve("overlays"));

		// then
		KubernetesManifestValidator validator = new KubernetesManifestValidator();
		assertThat(optedIn.keySet()).containsExactlyInAnyOrderElementsOf(overlays().keySet());
		for (String overlay : optedIn.keySet()) {
			Document workload = only(
					optedIn.get(overlay).stream().filter(KubernetesManifestsTest::isWorkload).toList());
			assertThat(validator.validate(workload)).as(overlay).isEmpty();
			Map<String, Object> pod = podSpec(workload.content());
			Map<String, Object> init = only(maps(pod.get("initContainers")));
			String where = overlay + ": the init container";
			assertThat(init.get("name")).as(where).isEqualTo("volume-permissions");
			assertThat(init.get("image")).as(where + "'s image").isEqualTo(containers(pod).get(0).get("image"));
			Map<String, Object> security = map(init, "securityContext");
			assertThat(security).as(where)
				.containsEntry("runAsUser", 0)
				.containsEntry("runAsGroup", POD_GROUP)
				.containsEntry("runAsNonRoot", false)
				.containsEntry("allowPrivilegeEscalation", false)
				.containsEntry("readOnlyRootFilesystem", true)
				.doesNotContainKey("privileged");
			assertThat(list(map(security, "capabilities"), "drop")).as(where).containsExactly("ALL");
			assertThat(list(map(security, "capabilities"), "add")).as(where)
				.containsExactlyInAnyOrder("CHOWN", "FOWNER", "DAC_OVERRIDE");
			Map<String, String> mounts = new TreeMap<>();
			maps(init.get("volumeMounts"))
				.forEach((m) -> mounts.put(String.valueOf(m.get("mountPath")), String.valueOf(m.get("name"))));
			assertThat(mounts).as(where + ": the two volumes, nothing else")
				.containsOnly(entry("/inbox", "inbox"), entry("/reports", "reports"));
			assertThat(String.join(" ", list(init, "command").stream().map(String::valueOf).toList())).as(where)
				.contains("chgrp -R " + POD_GROUP)
				.contains("chmod -R g+rwX")
				.contains("g+s");
			assertThat(map(init, "resources", "limits")).as(where).containsKey("memory");
			// everything else is the pod of the kit as shipped
			Map<String, Object> withoutInit = new LinkedHashMap<>(pod);
			withoutInit.remove("initContainers");
			assertThat(new Gson().toJsonTree(withoutInit))
				.isEqualTo(new Gson().toJsonTree(podSpec(workload(overlay).content())));
		}
	}

	@Test
	void theCertificateAndItsPasswordAreFilesFromTheSecretNeverEnvironment() throws IOException {
		Map<String, Object> settings = operatorSettings();
		String keyStore = (String) at(settings, "scb", "tls", "key-store");
		String passwordFile = (String) at(settings, "scb", "tls", "key-store-password-file");
		assertThat(at(settings, "scb", "tls", "key-store-password")).as("a password in the ConfigMap").isNull();
		assertThat(keyStore).isNotNull();
		assertThat(passwordFile).isNotNull();
		for (String overlay : overlays().keySet()) {
			Document workload = workload(overlay);
			Map<String, Object> pod = podSpec(workload.content());
			String mount = secretMounts(pod).get(CERTIFICATE_SECRET);
			assertThat(mount).as(workload.where() + ": the Secret " + CERTIFICATE_SECRET + " mounted").isNotNull();
			assertThat(keyStore).startsWith(mount + "/");
			assertThat(passwordFile).startsWith(mount + "/");
			for (Map<String, Object> container : allContainers(pod)) {
				for (Map<String, Object> env : maps(container.get("env"))) {
					Object secretName = at(env, "valueFrom", "secretKeyRef", "name");
					assertThat(secretName)
						.as(workload.where() + ": " + env.get("name") + " from the certificate's Secret")
						.isNotEqualTo(CERTIFICATE_SECRET);
				}
			}
		}
		// no Secret with real content is kept in the repository, nor rendered
		assertThat(everyObject()).extracting(Document::kind).doesNotContain("Secret");
		for (Path folder : List.of("base", "overlays", "components", "release").stream().map(K8S::resolve).toList()) {
			assertThat(KubernetesManifestValidator.load(folder)).extracting(Document::kind).doesNotContain("Secret");
		}
	}

	@Test
	void theJobRepositoryIsPostgresFromItsSecretAndItsPasswordAFileNeverEnvironment() {
		// the password: the Secret's key "password" as the file named after the
		// property, in the folder Spring Boot reads as a config tree
		Object configImport = at(operatorSettings(), "spring", "config", "import");
		for (String overlay : overlays().keySet()) {
			String where = workload(overlay).where();
			Map<String, Object> pod = podSpec(workload(overlay).content());
			Map<String, Object> volume = maps(pod.get("volumes")).stream()
				.filter((v) -> DATABASE_SECRET.equals(at(v, "secret", "secretName")))
				.collect(onlyOne(where + ": the volume of the Secret " + DATABASE_SECRET));
			assertThat(maps(at(volume, "secret", "items"))).as(where)
				.containsExactly(Map.of("key", "password", "path", "spring.datasource.password"));
			assertThat(at(volume, "secret", "optional")).as(where).isNotEqualTo(true);
			assertThat(at(volume, "secret", "defaultMode")).as(where + ": 0440").isEqualTo(0440);
			Map<String, Object> mount = maps(containers(pod).get(0).get("volumeMounts")).stream()
				.filter((m) -> volume.get("name").equals(m.get("name")))
				.collect(onlyOne(where + ": its mount"));
			assertThat(mount.get("readOnly")).as(where).isEqualTo(true);
			assertThat(configImport).as("spring.config.import in the ConfigMap")
				.isEqualTo("optional:configtree:" + mount.get("mountPath") + "/");
			// the URL and the user from the same Secret: the built-in H2 file is never
			// used, and a missing key stops the pod before it starts
			Map<String, Object> container = containers(pod).get(0);
			for (Map.Entry<String, String> variable : Map
				.of("SPRING_DATASOURCE_URL", "url", "SPRING_DATASOURCE_USERNAME", "username")
				.entrySet()) {
				Map<String, Object> env = maps(container.get("env")).stream()
					.filter((e) -> variable.getKey().equals(e.get("name")))
					.collect(onlyOne(where + ": " + variable.getKey()));
				assertThat(env).as(where + ": " + variable.getKey() + " as a plain value").doesNotContainKey("value");
				assertThat(map(env, "valueFrom", "secretKeyRef")).as(where + ": " + variable.getKey())
					.containsEntry("name", DATABASE_SECRET)
					.containsEntry("key", variable.getValue())
					.doesNotContainKey("optional");
			}
			// no environment variable holds a password, of the database or any other
			for (Map<String, Object> each : allContainers(pod)) {
				assertThat(each).as(where + ": envFrom would make every key a variable").doesNotContainKey("envFrom");
				for (Map<String, Object> env : maps(each.get("env"))) {
					assertThat(String.valueOf(env.get("name"))).as(where + ": a variable for a password")
						.doesNotMatch(PASSWORD_ENV);
					assertThat(String.valueOf(at(env, "valueFrom", "secretKeyRef", "key")))
						.as(where + ": " + env.get("name") + " from a Secret's password")
						.doesNotContainIgnoringCase("password");
				}
			}
		}
		assertThat(at(operatorSettings(), "spring", "datasource")).as("the database in the ConfigMap").isNull();
		assertThat(configMapFile()).doesNotContain("jdbc:h2").doesNotContainPattern("(?m)^\\s*password:");
	}

	@Test
	void theMetricsArePushedUnderAGroupStablePerWorkload() {
		Map<String, Object> pushgateway = map(operatorSettings(), "management", "prometheus", "metrics", "export",
				"pushgateway");
		assertThat(pushgateway.get("enabled")).isEqualTo(true);
		assertThat(String.valueOf(pushgateway.get("address"))).matches("[a-z0-9-]+(\\.[a-z0-9-]+)+:\\d+");
		// the workload's component and the month-end pod's index: never the pod's or the
		// Job's name, which would leave a new group in the Pushgateway every run
		assertThat(map(pushgateway, "grouping-key")).containsOnly(entry("instance", "${SCB_METRICS_GROUP}"),
				entry("index", "${JOB_COMPLETION_INDEX:0}"));
		Map<String, String> groups = new TreeMap<>();
		for (String overlay : overlays().keySet()) {
			Map<String, Object> workload = workload(overlay).content();
			String component = String.valueOf(at(podTemplate(workload), "metadata", "labels", COMPONENT_LABEL));
			assertThat(component).as(overlay)
				.isEqualTo(overlay.startsWith("ops/") ? "ops" : expectedComponent(overlay));
			assertThat(at(workload, "metadata", "labels", COMPONENT_LABEL)).as(overlay).isEqualTo(component);
			groups.put(overlay, component);
			Map<String, Object> container = containers(podSpec(workload)).get(0);
			Map<String, Object> env = maps(container.get("env")).stream()
				.filter((e) -> "SCB_METRICS_GROUP".equals(e.get("name")))
				.collect(onlyOne(overlay + ": SCB_METRICS_GROUP"));
			assertThat(at(env, "valueFrom", "fieldRef", "fieldPath")).as(overlay + ": the label, by the downward API")
				.isEqualTo(METRICS_GROUP_FIELD);
			// Kubernetes sets it in the Indexed Job's pods, and only there
			assertThat(maps(container.get("env"))).extracting((e) -> e.get("name"))
				.as(overlay)
				.doesNotContain("JOB_COMPLETION_INDEX");
		}
		// three workloads that run on their own, three groups that never overwrite
		// each other
		assertThat(Set.of(groups.get(NIGHTLY), groups.get(MONTH_END), groups.get(MONTHLY_PRUNE))).hasSize(3);
		assertThat(overlays().keySet().stream().filter((o) -> !o.equals(MONTH_END))).allSatisfy(
				(o) -> assertThat(map(workload(o).content(), "spec")).doesNotContainEntry("completionMode", "Indexed"));
	}

	@Test
	void theNetworkPolicyLetsNothingInAndOnlyDnsTheDatabaseScbAndThePushgatewayOut() {
		Document policy = only(everyObject().stream().filter((o) -> o.kind().equals("NetworkPolicy")).toList());
		Map<String, Object> spec = map(policy.content(), "spec");
		Map<String, Object> selector = map(spec, "podSelector");
		assertThat(selector).doesNotContainKey("matchExpressions");
		Map<String, Object> matchLabels = map(selector, "matchLabels");
		assertThat(matchLabels).as("a selector that selects something in particular").isNotEmpty();
		for (String overlay : overlays().keySet()) {
			assertThat(map(podTemplate(workload(overlay).content()), "metadata", "labels"))
				.as(overlay + ": its pods are fenced")
				.containsAllEntriesOf(matchLabels);
		}
		assertThat(list(spec, "policyTypes")).containsExactlyInAnyOrder("Ingress", "Egress");
		assertThat(maps(spec.get("ingress"))).as("nothing may connect to the pods").isEmpty();

		String address = String
			.valueOf(at(operatorSettings(), "management", "prometheus", "metrics", "export", "pushgateway", "address"));
		String pushgatewayNamespace = address.split("\\.")[1];
		int pushgatewayPort = Integer.parseInt(address.substring(address.lastIndexOf(':') + 1));
		Map<String, Map<String, Object>> rules = new TreeMap<>();
		for (Map<String, Object> rule : maps(spec.get("egress"))) {
			// a rule without "to" goes anywhere, one without "ports" to every port
			assertThat(maps(rule.get("to"))).as("an egress rule's destinations: " + rule).isNotEmpty();
			assertThat(maps(rule.get("ports"))).as("an egress rule's ports: " + rule).isNotEmpty();
			for (Map<String, Object> to : maps(rule.get("to"))) {
				if (to.get("ipBlock") instanceof Map<?, ?> block) {
					String cidr = String.valueOf(block.get("cidr"));
					assertThat(Integer.parseInt(cidr.substring(cidr.indexOf('/') + 1))).as(cidr + ": not the Internet")
						.isGreaterThanOrEqualTo(16);
				}
			}
			for (Map<String, Object> port : maps(rule.get("ports"))) {
				String key = Objects.requireNonNullElse(port.get("protocol"), "TCP") + "/" + port.get("port");
				assertThat(rules).as("one rule per port").doesNotContainKey(key);
				rules.put(key, rule);
			}
		}
		assertThat(rules.keySet()).as("egress only to these ports")
			.containsExactlyInAnyOrder("UDP/53", "TCP/53", "TCP/5432", "TCP/443", "TCP/" + pushgatewayPort);
		// DNS: the cluster's resolver only
		Map<String, Object> dns = only(maps(rules.get("UDP/53").get("to")));
		assertThat(rules.get("TCP/53")).isSameAs(rules.get("UDP/53"));
		assertThat(at(dns, "namespaceSelector", "matchLabels"))
			.isEqualTo(Map.of("kubernetes.io/metadata.name", "kube-system"));
		assertThat(at(dns, "podSelector", "matchLabels")).isEqualTo(Map.of("k8s-app", "kube-dns"));
		// SCB: addresses outside the cluster
		assertThat(maps(rules.get("TCP/443").get("to"))).isNotEmpty()
			.allSatisfy((to) -> assertThat(to).containsOnlyKeys("ipBlock"));
		// the Pushgateway the ConfigMap names, in its namespace
		Map<String, Object> pushgateway = only(maps(rules.get("TCP/" + pushgatewayPort).get("to")));
		assertThat(at(pushgateway, "namespaceSelector", "matchLabels"))
			.isEqualTo(Map.of("kubernetes.io/metadata.name", pushgatewayNamespace));
	}

	@Test
	void theConfigMapIsTheOperatorFileInTheImagesWorkingDirectory() throws Exception {
		Element container = jibContainer();
		String workingDirectory = text(container, "workingDirectory");
		assertThat(text(container, "mainClass")).isEqualTo("se.scbdelivery.ScbDeliveryApplication");
		String user = text(container, "user");
		assertThat(user).doesNotStartWith("0").doesNotStartWith("root").isEqualTo(POD_GROUP + ":" + POD_GROUP);
		for (String overlay : overlays().keySet()) {
			Map<String, Object> pod = podSpec(workload(overlay).content());
			assertThat(configMapMounts(pod)).as(overlay)
				.containsEntry("scb-delivery-config", workingDirectory + "/config");
			assertThat(user).isEqualTo(
					map(pod, "securityContext").get("runAsUser") + ":" + map(pod, "securityContext").get("runAsGroup"));
			assertThat(volumeClaims(pod)).as(overlay)
				.containsEntry("/inbox", "scb-delivery-inbox")
				.containsEntry("/reports", "scb-delivery-reports");
		}
		// the settings bind as the program binds them
		ScbProperties scb = new Binder(ConfigurationPropertySources.from(operatorSources())).bindOrCreate("scb",
				ScbProperties.class);
		assertThat(scb.environment().key()).isEqualTo("production");
		assertThat(scb.report().dir()).isEqualTo(Path.of("/reports"));
		assertThat(at(operatorSettings(), "logging", "file", "name").toString()).startsWith("/reports/");
		// every workload that follows deliveries stops following before Kubernetes
		// ends it
		for (String overlay : List.of(NIGHTLY, MONTH_END, "ops/restart-failed")) {
			Map<String, Object> spec = map(workload(overlay).content(), "spec");
			Map<String, Object> jobSpec = spec.containsKey("jobTemplate") ? map(spec, "jobTemplate", "spec") : spec;
			assertThat(scb.poll().timeout()).as(overlay + ": scb.poll.timeout below activeDeadlineSeconds")
				.isLessThan(Duration.ofSeconds(integer(jobSpec, "activeDeadlineSeconds")));
		}
	}

	@Test
	void everyReferencedClaimAndConfigMapIsMadeByTheNightlyOverlay() {
		Set<String> claims = names(NIGHTLY, "PersistentVolumeClaim");
		Set<String> configMaps = names(NIGHTLY, "ConfigMap");
		for (String overlay : overlays().keySet()) {
			Map<String, Object> pod = podSpec(workload(overlay).content());
			assertThat(claims).as(overlay).containsAll(volumeClaims(pod).values());
			assertThat(configMaps).as(overlay).containsAll(configMapMounts(pod).keySet());
		}
		Document inbox = overlay(NIGHTLY).stream()
			.filter((d) -> "scb-delivery-inbox".equals(d.name()))
			.collect(onlyOne("the inbox claim"));
		assertThat(list(map(inbox.content(), "spec"), "accessModes")).as("several pods, possibly on several nodes")
			.contains("ReadWriteMany");
	}

	@Test
	void aKustomizationKubectlRefusesFailsWithItsMessage(@TempDir Path folder) throws IOException {
		overlays();
		Files.writeString(folder.resolve("kustomization.yaml"), "resources:\n  - missing.yaml\n");
		assertThatThrownBy(() -> Kustomize.build(folder)).isInstanceOf(IllegalStateException.class)
			.hasMessageContaining("missing.yaml");
	}

	/** Runs without kubectl: the flat files of before are gone, nothing is left aside. */
	@Test
	void noManifestIsLeftOutsideTheKustomizeLayout() throws IOException {
		for (Path file : KubernetesManifestValidator.yamlFiles(K8S)) {
			Path relative = K8S.relativize(file);
			assertThat(relative.getNameCount()).as(file + ": YAML directly in k8s/").isGreaterThan(1);
			assertThat(LAYOUT).as(file + ": a folder of the layout (k8s/README.md)")
				.contains(relative.getName(0).toString());
			if (relative.getName(0).toString().equals("monitoring")) {
				continue;
			}
			// every file is a kustomization or one its folder's kustomization lists
			Path kustomization = file.resolveSibling("kustomization.yaml");
			assertThat(kustomization).as(file + ": in a kustomization's folder").isRegularFile();
			if (!file.equals(kustomization)) {
				Map<String, Object> listing = KubernetesManifestValidator
					.parse(kustomization.toString(), Files.readString(kustomization))
					.get(0)
					.content();
				assertThat(list(listing, "resources")).as(kustomization + " lists " + file.getFileName())
					.contains(file.getFileName().toString());
			}
		}
		for (String flat : List.of("configmap.yaml", "pvc.yaml", "cronjob-nightly-scan.yaml", "job-month-end.yaml",
				"cronjob-monthly-prune.yaml")) {
			assertThat(K8S.resolve(flat)).doesNotExist();
		}
	}

	/** The validator itself refuses what the API server would refuse. */
	@Nested
	class TheValidator {

		private final KubernetesManifestValidator validator = new KubernetesManifestValidator();

		private List<String> problems(String yaml) {
			List<String> problems = new ArrayList<>();
			for (Document document : KubernetesManifestValidator.parse("inline.yaml", yaml)) {
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

		private static final String NETWORK_POLICY = """
				apiVersion: networking.k8s.io/v1
				kind: NetworkPolicy
				metadata:
				  name: a-policy
				spec:
				  podSelector:
				    matchLabels:
				      app: a
				  policyTypes: [Ingress, Egress]
				  egress:
				    - to:
				        - ipBlock:
				            cidr: 192.0.2.10/32
				      ports:
				        - protocol: TCP
				          port: 5432
				""";

		@Test
		void acceptsAValidJob() {
			assertThat(problems(JOB)).isEmpty();
		}

		@Test
		void acceptsAValidNetworkPolicyAndRefusesAMisspelledField() {
			assertThat(problems(NETWORK_POLICY)).isEmpty();
			assertThat(problems(NETWORK_POLICY.replace("ipBlock", "ipblock"))).singleElement()
				.asString()
				.contains("ipblock");
			assertThat(problems(NETWORK_POLICY.replace("port: 5432", "port: [5432]"))).isNotEmpty();
		}

		@Test
		void refusesAKindItDoesNotKnowInsteadOfSkippingIt() {
			String podTemplate = """
					apiVersion: v1
					kind: PodTemplate
					metadata:
					  name: scb-delivery
					template: {}
					""";
			assertThat(problems(podTemplate)).singleElement()
				.asString()
				.contains("no known Kubernetes type", "PodTemplate");
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

	/**
	 * Every overlay under a folder, by its path there ({@code nightly},
	 * {@code ops/heartbeat}), rendered; a Component (such as {@code ops/common}) is no
	 * overlay: it cannot be rendered alone.
	 */
	private static Map<String, List<Document>> renderEvery(Path overlays) throws IOException {
		List<Path> kustomizations;
		try (Stream<Path> walk = Files.walk(overlays)) {
			kustomizations = walk.filter((p) -> p.getFileName().toString().equals("kustomization.yaml"))
				.sorted()
				.toList();
		}
		Map<String, List<Document>> objects = new TreeMap<>();
		for (Path kustomization : kustomizations) {
			Object kind = KubernetesManifestValidator.parse(kustomization.toString(), Files.readString(kustomization))
				.get(0)
				.content()
				.get("kind");
			if ("Component".equals(kind)) {
				continue;
			}
			Path folder = kustomization.getParent();
			String name = overlays.relativize(folder).toString().replace(File.separatorChar, '/');
			objects.put(name, KubernetesManifestValidator.parse("k8s/overlays/" + name, Kustomize.build(folder)));
		}
		return objects;
	}

	/** The rendered overlays; skips the test without kubectl, fails it under CI. */
	private static Map<String, List<Document>> overlays() {
		Kustomize.require(kubectlMissing);
		if (renderingFailed != null) {
			throw new AssertionError("kubectl kustomize failed: " + renderingFailed.getMessage(), renderingFailed);
		}
		return rendered;
	}

	private static List<Document> overlay(String name) {
		List<Document> objects = overlays().get(name);
		assertThat(objects).as("the overlay k8s/overlays/" + name).isNotNull();
		return objects;
	}

	private static List<Document> everyObject() {
		return overlays().values().stream().flatMap(List::stream).toList();
	}

	private static boolean isWorkload(Document document) {
		return document.kind().equals("CronJob") || document.kind().equals("Job");
	}

	private static Document workload(String overlay) {
		return only(overlay(overlay).stream().filter(KubernetesManifestsTest::isWorkload).toList());
	}

	private static String expectedComponent(String overlay) {
		return overlay.equals(NIGHTLY) ? "nightly-scan" : overlay;
	}

	private static <T> T only(List<T> found) {
		assertThat(found).hasSize(1);
		return found.get(0);
	}

	private static <T> java.util.stream.Collector<T, ?, T> onlyOne(String what) {
		return java.util.stream.Collectors.collectingAndThen(java.util.stream.Collectors.toList(), (found) -> {
			assertThat(found).as(what).hasSize(1);
			return found.get(0);
		});
	}

	private static Set<String> names(String overlay, String kind) {
		Set<String> names = new TreeSet<>();
		overlay(overlay).stream().filter((d) -> d.kind().equals(kind)).forEach((d) -> names.add(d.name()));
		return names;
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

	/** The pod template (metadata and spec) of a CronJob or a Job. */
	private static Map<String, Object> podTemplate(Map<String, Object> workload) {
		Map<String, Object> spec = map(workload, "spec");
		if (spec.containsKey("jobTemplate")) {
			spec = map(spec, "jobTemplate", "spec");
		}
		return map(spec, "template");
	}

	private static Map<String, Object> podSpec(Map<String, Object> workload) {
		return map(podTemplate(workload), "spec");
	}

	/** The pod spec as JSON without its containers' args, to compare. */
	private static JsonElement withoutArgs(Map<String, Object> pod) {
		JsonObject json = new Gson().toJsonTree(pod).getAsJsonObject();
		json.getAsJsonArray("containers").forEach((container) -> container.getAsJsonObject().remove("args"));
		return json;
	}

	private static List<Map<String, Object>> containers(Map<String, Object> pod) {
		List<Map<String, Object>> containers = maps(pod.get("containers"));
		assertThat(containers).isNotEmpty();
		return containers;
	}

	private static List<Map<String, Object>> allContainers(Map<String, Object> pod) {
		List<Map<String, Object>> all = new ArrayList<>(containers(pod));
		all.addAll(maps(pod.get("initContainers")));
		return all;
	}

	private static List<Object> args(Map<String, Object> pod) {
		return list(containers(pod).get(0), "args");
	}

	/** Mount path of each volume of the containers' volume mounts, by volume name. */
	private static Map<String, String> mounts(Map<String, Object> pod) {
		Map<String, String> mounts = new HashMap<>();
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
		Map<String, String> found = new HashMap<>();
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
		Map<String, String> byPath = new HashMap<>();
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

	/** The ConfigMap's application.yml, as the nightly overlay renders it. */
	private static String configMapFile() {
		Document configMap = only(overlay(NIGHTLY).stream().filter((d) -> d.kind().equals("ConfigMap")).toList());
		Object file = at(configMap.content(), "data", "application.yml");
		assertThat(file).as("the ConfigMap's application.yml").isInstanceOf(String.class);
		return (String) file;
	}

	private static List<PropertySource<?>> operatorSources() {
		try {
			return new YamlPropertySourceLoader().load("configmap",
					new ByteArrayResource(configMapFile().getBytes(StandardCharsets.UTF_8)));
		}
		catch (IOException ex) {
			throw new IllegalStateException(ex);
		}
	}

	private static Map<String, Object> operatorSettings() {
		return KubernetesManifestValidator.parse("application.yml", configMapFile()).get(0).content();
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

	private static void copyTree(Path from, Path to) throws IOException {
		try (Stream<Path> walk = Files.walk(from)) {
			for (Path source : walk.sorted().toList()) {
				Path target = to.resolve(from.relativize(source).toString());
				if (Files.isDirectory(source)) {
					Files.createDirectories(target);
				}
				else {
					Files.copy(source, target);
				}
			}
		}
	}

	private static @Nullable Object at(Map<String, Object> map, String... path) {
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
	private static List<Map<String, Object>> maps(@Nullable Object list) {
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
