package se.scbdelivery.testsupport;

import java.io.IOException;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;

import org.jspecify.annotations.Nullable;

/**
 * Renders a kustomization as an operator's {@code kubectl apply -k} or
 * {@code kubectl create -k} would: the real {@code kubectl kustomize} (its built-in
 * kustomize) in a process, with a timeout. {@code kubectl} is found on the {@code PATH},
 * or named by the environment variable {@code KUBECTL}.
 */
public final class Kustomize {

	private static final Duration TIMEOUT = Duration.ofSeconds(60);

	private static final String KUBECTL = (System.getenv("KUBECTL") != null) ? System.getenv("KUBECTL") : "kubectl";

	private Kustomize() {
	}

	/** Why {@code kubectl} cannot render here, or null when it can. */
	public static @Nullable String unavailable() {
		try {
			run(List.of(KUBECTL, "version", "--client"));
			return null;
		}
		catch (IOException | IllegalStateException ex) {
			return KUBECTL + " cannot be run (" + ex.getMessage() + ")";
		}
	}

	/** Skips the test without kubectl, fails it under CI. */
	public static void require() {
		require(unavailable());
	}

	/** {@link #require()} with what {@link #unavailable()} answered before. */
	public static void require(@Nullable String unavailable) {
		ExternalPrograms.require(unavailable == null, String.valueOf(unavailable),
				"install kubectl 1.27 or newer (kustomize 5 built in), or name it in the environment variable KUBECTL");
	}

	/**
	 * The output of {@code kubectl kustomize DIR}: the objects it renders, as YAML
	 * documents.
	 * @throws IllegalStateException with kubectl's own message when it fails or does not
	 * finish within 60 s
	 */
	public static String build(Path kustomization) throws IOException {
		return run(List.of(KUBECTL, "kustomize", kustomization.toString()));
	}

	private static String run(List<String> command) throws IOException {
		ExternalPrograms.Outcome outcome = ExternalPrograms.run(TIMEOUT, command);
		if (outcome.exitCode() != 0) {
			throw new IllegalStateException(
					String.join(" ", command) + " exited with " + outcome.exitCode() + ": " + outcome.err().strip());
		}
		return outcome.out();
	}

}
