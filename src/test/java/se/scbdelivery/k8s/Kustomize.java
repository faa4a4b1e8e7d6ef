package se.scbdelivery.k8s;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;

import org.jspecify.annotations.Nullable;

/**
 * Renders a kustomization as an operator's {@code kubectl apply -k} or
 * {@code kubectl create -k} would: the real {@code kubectl kustomize} (its built-in
 * kustomize) in a process, with a timeout. {@code kubectl} is found on the {@code PATH},
 * or named by the environment variable {@code KUBECTL}.
 */
final class Kustomize {

	static final long TIMEOUT_SECONDS = 60;

	private static final String KUBECTL = (System.getenv("KUBECTL") != null) ? System.getenv("KUBECTL") : "kubectl";

	private Kustomize() {
	}

	/** Why {@code kubectl} cannot render here, or null when it can. */
	static @Nullable String unavailable() {
		try {
			run(List.of(KUBECTL, "version", "--client"));
			return null;
		}
		catch (IOException | IllegalStateException ex) {
			return KUBECTL + " cannot be run (" + ex.getMessage() + "); install kubectl 1.27 or newer (kustomize 5 "
					+ "built in), or name it in the environment variable KUBECTL, to render k8s/overlays/";
		}
	}

	/**
	 * The output of {@code kubectl kustomize DIR}: the objects it renders, as YAML
	 * documents.
	 * @throws IllegalStateException with kubectl's own message when it fails or does not
	 * finish within {@value #TIMEOUT_SECONDS} s
	 */
	static String build(Path kustomization) throws IOException {
		return run(List.of(KUBECTL, "kustomize", kustomization.toString()));
	}

	private static String run(List<String> command) throws IOException {
		Path stdout = Files.createTempFile("kubectl", ".out");
		Path stderr = Files.createTempFile("kubectl", ".err");
		try {
			// files rather than pipes: a long output can never block on a full pipe
			Process process = new ProcessBuilder(new ArrayList<>(command)).redirectOutput(stdout.toFile())
				.redirectError(stderr.toFile())
				.start();
			try {
				if (!process.waitFor(TIMEOUT_SECONDS, TimeUnit.SECONDS)) {
					process.destroyForcibly();
					throw new IllegalStateException(String.join(" ", command) + " did not finish within "
							+ TIMEOUT_SECONDS + " s: " + Files.readString(stderr));
				}
			}
			catch (InterruptedException ex) {
				process.destroyForcibly();
				Thread.currentThread().interrupt();
				throw new IllegalStateException(String.join(" ", command) + " was interrupted", ex);
			}
			if (process.exitValue() != 0) {
				throw new IllegalStateException(String.join(" ", command) + " exited with " + process.exitValue() + ": "
						+ Files.readString(stderr).strip());
			}
			return Files.readString(stdout);
		}
		finally {
			Files.deleteIfExists(stdout);
			Files.deleteIfExists(stderr);
		}
	}

}
