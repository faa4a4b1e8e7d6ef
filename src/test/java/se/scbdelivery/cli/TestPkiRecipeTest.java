package se.scbdelivery.cli;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import se.scbdelivery.testsupport.ChildJvm;
import se.scbdelivery.testsupport.CliResult;
import se.scbdelivery.testsupport.TestFiles;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * README's recipe for trying mutual TLS, as a person follows it:
 * {@code bin/make-test-pki.sh} (openssl and keytool), then {@code simulate} serving HTTPS
 * and requiring the client certificate, then {@code deliver} with the client certificate
 * and the trust store, each its own JVM.
 */
class TestPkiRecipeTest {

	private static final Pattern GDB_URL = Pattern.compile("--scb\\.gdb\\.base-url=(https://\\S+)");

	@TempDir
	Path dir;

	@Test
	void theRecipesCertificatesCarryADeliveryOverMutualTls() throws Exception {
		Path pki = this.dir.resolve("pki");
		Process made = new ProcessBuilder("bin/make-test-pki.sh", pki.toString()).redirectErrorStream(true).start();
		String said = new String(made.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
		assertThat(made.waitFor(60, TimeUnit.SECONDS)).isTrue();
		assertThat(made.exitValue()).as(said).isZero();
		assertThat(said).contains("server.p12, client.p12, trust.p12");
		String password = pki.resolve("password.txt").toString();

		ChildJvm.Running scb = ChildJvm.withoutSettings(TestPkiRecipeTest.class)
			.start("simulate", "--port", "0", "--polls-before-final", "0", "--tls-key-store",
					pki.resolve("server.p12").toString(), "--tls-key-store-password-file", password,
					"--client-trust-store", pki.resolve("trust.p12").toString(), "--client-trust-store-password-file",
					password);
		try {
			scb.awaitStdout("generic:");
			Matcher url = GDB_URL.matcher(Files.readString(scb.stdout()));
			assertThat(url.find()).isTrue();
			Path file = TestFiles.xml(this.dir.resolve("inbox"), "vinn.xml", 2_000, null);
			String[] delivery = { "deliver", "--file", file.toString(), "--org", "999000-0045", "--program", "VINN",
					"--period", "2026-09-30", "--format", "V40", "--scb.gdb.base-url=" + url.group(1),
					"--scb.poll.interval=100ms", "--spring.datasource.url=jdbc:h2:file:" + this.dir.resolve("repo") };

			CliResult withCertificate = ChildJvm.withoutSettings(TestPkiRecipeTest.class)
				.run(with(delivery, "--scb.tls.key-store=" + pki.resolve("client.p12"),
						"--scb.tls.key-store-password-file=" + password,
						"--scb.tls.trust-store=" + pki.resolve("trust.p12"),
						"--scb.tls.trust-store-password-file=" + password));
			delivery[2] = TestFiles.xml(this.dir.resolve("inbox"), "other.xml", 2_000, null).toString();
			CliResult without = ChildJvm.withoutSettings(TestPkiRecipeTest.class)
				.run(with(delivery, "--scb.tls.trust-store=" + pki.resolve("trust.p12"),
						"--scb.tls.trust-store-password-file=" + password, "--scb.http.max-attempts=1"));

			assertThat(withCertificate.exitCode()).as(withCertificate.toString()).isZero();
			assertThat(withCertificate.out()).contains("LOADED (exit 0)");
			assertThat(without.exitCode()).as(without.toString()).isNotZero();
			assertThat(without.out()).doesNotContain("LOADED");
		}
		finally {
			scb.terminate();
		}
	}

	private static String[] with(String[] args, String... more) {
		String[] all = new String[args.length + more.length];
		System.arraycopy(args, 0, all, 0, args.length);
		System.arraycopy(more, 0, all, args.length, more.length);
		return all;
	}

}
