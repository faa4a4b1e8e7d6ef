package se.scbdelivery.k8s;

import java.io.IOException;
import java.lang.reflect.Field;
import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.ParameterizedType;
import java.lang.reflect.Type;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.regex.Pattern;
import java.util.stream.Stream;

import com.google.gson.Gson;
import com.google.gson.JsonArray;
import com.google.gson.JsonElement;
import com.google.gson.JsonObject;
import com.google.gson.JsonPrimitive;
import com.google.gson.annotations.SerializedName;
import io.kubernetes.client.custom.IntOrString;
import io.kubernetes.client.custom.Quantity;
import io.kubernetes.client.openapi.JSON;
import io.kubernetes.client.openapi.models.V1ConfigMap;
import io.kubernetes.client.openapi.models.V1CronJob;
import io.kubernetes.client.openapi.models.V1Job;
import io.kubernetes.client.openapi.models.V1Namespace;
import io.kubernetes.client.openapi.models.V1NetworkPolicy;
import io.kubernetes.client.openapi.models.V1PersistentVolumeClaim;
import io.kubernetes.client.openapi.models.V1Secret;
import io.kubernetes.client.openapi.models.V1ServiceAccount;
import org.yaml.snakeyaml.LoaderOptions;
import org.yaml.snakeyaml.Yaml;
import org.yaml.snakeyaml.constructor.SafeConstructor;

/**
 * Validates Kubernetes manifests against the Kubernetes API's own types, as generated
 * from the Kubernetes OpenAPI spec into {@code io.kubernetes:client-java-api} (22.0.x:
 * Kubernetes 1.31). Per document:
 * <ol>
 * <li>YAML without duplicate keys; {@code apiVersion} and {@code kind} name a type this
 * validator knows (any other kind is a problem, never skipped: add its model to
 * {@code TYPES} first);</li>
 * <li>the generated {@code validateJsonElement}: every field is one the spec defines (as
 * {@code kubectl}'s strict field validation), every required field is there, nested
 * objects and lists of objects recursively;</li>
 * <li>every value has the spec's JSON type: integers are JSON integers, booleans
 * booleans, strings strings ({@code parallelism: "3"} is refused as the API server
 * refuses it), lists lists, quantities and int-or-strings numbers or strings;</li>
 * <li>the document deserializes into the model (quantities such as {@code 512Mi}
 * parse);</li>
 * <li>{@code metadata.name} or {@code generateName} is set and a DNS-1123 name.</li>
 * </ol>
 */
final class KubernetesManifestValidator {

	/**
	 * The Kubernetes release whose OpenAPI spec client-java-api 22.0.x was generated
	 * from.
	 */
	static final String KUBERNETES_VERSION = "1.31";

	private static final Map<String, Class<?>> TYPES = Map.of("v1/ConfigMap", V1ConfigMap.class,
			"v1/PersistentVolumeClaim", V1PersistentVolumeClaim.class, "v1/Secret", V1Secret.class, "v1/Namespace",
			V1Namespace.class, "v1/ServiceAccount", V1ServiceAccount.class, "batch/v1/CronJob", V1CronJob.class,
			"batch/v1/Job", V1Job.class, "networking.k8s.io/v1/NetworkPolicy", V1NetworkPolicy.class);

	private static final Pattern DNS_1123_SUBDOMAIN = Pattern
		.compile("[a-z0-9]([-a-z0-9]*[a-z0-9])?(\\.[a-z0-9]([-a-z0-9]*[a-z0-9])?)*");

	private static final String MODELS_PACKAGE = "io.kubernetes.client.openapi.models";

	private final Gson plain = new Gson();

	private final Gson kubernetes = new JSON().getGson();

	/**
	 * A YAML document: where it came from (a file, or the overlay whose rendering it is),
	 * its place there, its parsed tree.
	 */
	record Document(String source, int index, Map<String, Object> content) {

		/** The source and the object: {@code k8s/overlays/nightly: CronJob x}. */
		String where() {
			Object name = (this.content.get("metadata") instanceof Map<?, ?> metadata) ? metadata.get("name") : null;
			return this.source + ": " + ((name != null) ? kind() + " " + name : "document " + (this.index + 1));
		}

		String kind() {
			return String.valueOf(this.content.get("kind"));
		}

		String name() {
			return (this.content.get("metadata") instanceof Map<?, ?> metadata) ? String.valueOf(metadata.get("name"))
					: "null";
		}

	}

	/** Every YAML document of every {@code .yaml}/{@code .yml} file under a folder. */
	static List<Document> load(Path folder) throws IOException {
		List<Document> documents = new ArrayList<>();
		for (Path file : yamlFiles(folder)) {
			documents.addAll(parse(file.toString(), Files.readString(file)));
		}
		return documents;
	}

	/** Every {@code .yaml}/{@code .yml} file under a folder, sorted. */
	static List<Path> yamlFiles(Path folder) throws IOException {
		try (Stream<Path> walk = Files.walk(folder)) {
			return walk.filter(Files::isRegularFile)
				.filter((p) -> p.toString().endsWith(".yaml") || p.toString().endsWith(".yml"))
				.sorted()
				.toList();
		}
	}

	/**
	 * The documents of a multi-document YAML text, such as {@code kubectl kustomize}'s
	 * output; duplicate keys are refused.
	 */
	@SuppressWarnings("unchecked")
	static List<Document> parse(String source, String text) {
		LoaderOptions options = new LoaderOptions();
		options.setAllowDuplicateKeys(false);
		List<Document> documents = new ArrayList<>();
		int index = 0;
		for (Object document : new Yaml(new SafeConstructor(options)).loadAll(text)) {
			if (document == null) {
				continue; // an empty document, e.g. after a trailing ---
			}
			if (!(document instanceof Map)) {
				throw new IllegalArgumentException(source + " document " + (index + 1) + " is not a mapping");
			}
			documents.add(new Document(source, index++, (Map<String, Object>) document));
		}
		return documents;
	}

	/** The problems of one document; empty when it is a valid Kubernetes object. */
	List<String> validate(Document document) {
		List<String> problems = new ArrayList<>();
		Object apiVersion = document.content().get("apiVersion");
		Object kind = document.content().get("kind");
		Class<?> type = TYPES.get(apiVersion + "/" + kind);
		if (type == null) {
			problems.add(document.where() + ": no known Kubernetes type for apiVersion " + apiVersion + ", kind " + kind
					+ " (known: " + TYPES.keySet() + ")");
			return problems;
		}
		JsonElement json = this.plain.toJsonTree(document.content());
		try {
			type.getMethod("validateJsonElement", JsonElement.class).invoke(null, json);
		}
		catch (InvocationTargetException ex) {
			problems.add(document.where() + " (" + kind + "): " + ex.getCause().getMessage());
		}
		catch (ReflectiveOperationException ex) {
			throw new IllegalStateException(ex);
		}
		checkTypes(json, type, "", problems, document.where());
		if (problems.isEmpty()) {
			try {
				this.kubernetes.fromJson(json, type);
			}
			catch (RuntimeException ex) {
				problems.add(document.where() + " (" + kind + "): does not deserialize: " + ex.getMessage());
			}
		}
		checkName(document, problems);
		return problems;
	}

	private static void checkName(Document document, List<String> problems) {
		if (!(document.content().get("metadata") instanceof Map<?, ?> metadata)) {
			problems.add(document.where() + ": no metadata");
			return;
		}
		Object name = metadata.get("name");
		Object generateName = metadata.get("generateName");
		if (name == null && generateName == null) {
			problems.add(document.where() + ": neither metadata.name nor metadata.generateName");
		}
		if (name != null
				&& (!DNS_1123_SUBDOMAIN.matcher(name.toString()).matches() || name.toString().length() > 253)) {
			problems.add(document.where() + ": metadata.name is not a DNS-1123 name: " + name);
		}
		if (generateName != null && !DNS_1123_SUBDOMAIN.matcher(generateName + "x").matches()) {
			problems.add(document.where() + ": metadata.generateName is not a DNS-1123 prefix: " + generateName);
		}
	}

	/** The JSON types the generated validation leaves to Gson's lenient coercion. */
	private void checkTypes(JsonElement json, Type type, String path, List<String> problems, String where) {
		if (json == null || json.isJsonNull()) {
			return;
		}
		Class<?> raw = (type instanceof ParameterizedType parameterized) ? (Class<?>) parameterized.getRawType()
				: (type instanceof Class<?> c) ? c : Object.class;
		String at = where + " at " + (path.isEmpty() ? "/" : path);
		if (raw == String.class) {
			expect(json.isJsonPrimitive() && json.getAsJsonPrimitive().isString(), at, "a string", json, problems);
		}
		else if (raw == Integer.class || raw == Long.class) {
			expect(isInteger(json), at, "an integer", json, problems);
		}
		else if (raw == Double.class || raw == Float.class) {
			expect(json.isJsonPrimitive() && json.getAsJsonPrimitive().isNumber(), at, "a number", json, problems);
		}
		else if (raw == Boolean.class) {
			expect(json.isJsonPrimitive() && json.getAsJsonPrimitive().isBoolean(), at, "a boolean", json, problems);
		}
		else if (raw == IntOrString.class || raw == Quantity.class) {
			expect(json.isJsonPrimitive() && !json.getAsJsonPrimitive().isBoolean(), at, "a number or a string", json,
					problems);
		}
		else if (List.class.isAssignableFrom(raw)) {
			if (expect(json.isJsonArray(), at, "a list", json, problems)) {
				Type element = ((ParameterizedType) type).getActualTypeArguments()[0];
				JsonArray array = json.getAsJsonArray();
				for (int i = 0; i < array.size(); i++) {
					checkTypes(array.get(i), element, path + "/" + i, problems, where);
				}
			}
		}
		else if (Map.class.isAssignableFrom(raw)) {
			if (expect(json.isJsonObject(), at, "a mapping", json, problems)) {
				Type value = ((ParameterizedType) type).getActualTypeArguments()[1];
				for (Map.Entry<String, JsonElement> entry : json.getAsJsonObject().entrySet()) {
					checkTypes(entry.getValue(), value, path + "/" + entry.getKey(), problems, where);
				}
			}
		}
		else if (raw.getPackageName().equals(MODELS_PACKAGE)) {
			if (expect(json.isJsonObject(), at, "a mapping (" + raw.getSimpleName() + ")", json, problems)) {
				JsonObject object = json.getAsJsonObject();
				for (Field field : raw.getDeclaredFields()) {
					SerializedName name = field.getAnnotation(SerializedName.class);
					if (name != null && object.has(name.value())) {
						checkTypes(object.get(name.value()), field.getGenericType(), path + "/" + name.value(),
								problems, where);
					}
				}
			}
		}
	}

	private static boolean isInteger(JsonElement json) {
		if (!json.isJsonPrimitive() || !json.getAsJsonPrimitive().isNumber()) {
			return false;
		}
		JsonPrimitive number = json.getAsJsonPrimitive();
		return number.getAsBigDecimal().stripTrailingZeros().scale() <= 0;
	}

	private static boolean expect(boolean condition, String at, String what, JsonElement json, List<String> problems) {
		if (!condition) {
			problems.add(at + ": expected " + what + ", found " + json);
		}
		return condition;
	}

}
