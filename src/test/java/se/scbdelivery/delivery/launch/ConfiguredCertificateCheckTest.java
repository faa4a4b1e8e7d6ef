package se.scbdelivery.delivery.launch;

import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.Duration;
import java.time.Instant;
import java.util.concurrent.atomic.AtomicInteger;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import se.scbdelivery.delivery.InvalidDeliveryInputException;
import se.scbdelivery.simulator.server.TestClock;
import se.scbdelivery.testsupport.ProductSettings;
import se.scbdelivery.testsupport.TestPki;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatExceptionOfType;

/**
 * Every delivery checks the certificate at its pre-flight and at each start. Opening the
 * stores costs some 30 ms of CPU each time, so the check opens them again only when a
 * store or a password file has changed on disk, as a renewed certificate does, and judges
 * the expiry against the clock every time.
 */
class ConfiguredCertificateCheckTest {

	@TempDir
	Path dir;

	@Test
	void theStoresAreOpenedAgainOnlyWhenAFileChangesAndTheExpiryIsJudgedEveryTime() throws Exception {
		TestPki pki = new TestPki(this.dir.resolve("pki"));
		TestPki.Store client = pki.clientKeyStore("client.p12", "client-secret", Duration.ofDays(40));
		Path passwordFile = Files.writeString(this.dir.resolve("client.password"), "client-secret\n");
		TestClock clock = new TestClock(Instant.now());
		AtomicInteger opened = new AtomicInteger();
		ConfiguredCertificateCheck check = new ConfiguredCertificateCheck(
				ProductSettings.standard(ConfiguredCertificateCheckTest.class, this.dir)
					.keyStore(client.path(), passwordFile)
					.scbProperties(),
				clock, (tls) -> {
					opened.incrementAndGet();
					return ConfiguredCertificateCheck.open(tls);
				});

		// three deliveries' checks: the stores opened once, nothing to warn of yet
		for (int delivery = 0; delivery < 3; delivery++) {
			assertThat(check.check()).isEmpty();
		}
		assertThat(opened).hasValue(1);

		// the same certificate, judged later: within the 30 days' warning, then expired
		clock.advance(Duration.ofDays(15));
		assertThat(check.check()).singleElement()
			.asString()
			.startsWith("The client certificate in " + client.path() + " expires on");
		clock.advance(Duration.ofDays(30));
		assertThatExceptionOfType(InvalidDeliveryInputException.class).isThrownBy(check::check)
			.withMessageStartingWith("the client certificate in " + client.path() + " expired on");
		assertThat(opened).hasValue(1);

		// a renewed certificate put in its place (a new file moved over the old one, as
		// a mounted Secret is updated) is opened and judged anew
		TestPki.Store renewed = pki.clientKeyStore("renewed.p12", "client-secret", Duration.ofDays(700));
		Files.move(renewed.path(), client.path(), StandardCopyOption.REPLACE_EXISTING);
		assertThat(check.check()).isEmpty();
		assertThat(opened).hasValue(2);
	}

	@Test
	void aPasswordFileThatCannotBeReadIsReportedAtEveryCheck() throws Exception {
		TestPki pki = new TestPki(this.dir.resolve("pki"));
		TestPki.Store client = pki.clientKeyStore("client.p12", "client-secret", Duration.ofDays(700));
		Path passwordFile = Files.writeString(this.dir.resolve("client.password"), "client-secret\n");
		ConfiguredCertificateCheck check = new ConfiguredCertificateCheck(
				ProductSettings.standard(ConfiguredCertificateCheckTest.class, this.dir)
					.keyStore(client.path(), passwordFile)
					.scbProperties(),
				new TestClock(Instant.now()));
		assertThat(check.check()).isEmpty();

		Files.delete(passwordFile);

		assertThatExceptionOfType(InvalidDeliveryInputException.class).isThrownBy(check::check)
			.withMessageContaining(passwordFile.toString());
	}

}
