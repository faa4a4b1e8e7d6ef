package se.scbdelivery.scb.http;

import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import se.scbdelivery.scb.http.ClientCertificate.CertificateInfo;
import se.scbdelivery.testsupport.TestPki;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;

/** Reading the client certificate's identity and validity before anything is sent. */
class ClientCertificateTest {

	@TempDir
	Path dir;

	@Test
	void readsSubjectSerialAndValidityFromTheKeyStore() {
		TestPki.Store store = new TestPki(this.dir).clientKeyStore("client.p12", "secret", Duration.ofDays(700));

		CertificateInfo info = ClientCertificate.inspect(TestSettings.tls(store.path(), "secret", null, null));

		assertThat(info.subject()).isEqualTo(store.certificate().getSubjectX500Principal().getName())
			.contains("CN=scb-delivery test client");
		assertThat(info.serialNumberHex()).isEqualToIgnoringCase(store.certificate().getSerialNumber().toString(16));
		assertThat(info.notBefore()).isEqualTo(store.certificate().getNotBefore().toInstant());
		assertThat(info.notAfter()).isEqualTo(store.certificate().getNotAfter().toInstant());
		assertThat(info.isExpired(Instant.now())).isFalse();
		assertThat(info.expiresWithin(Duration.ofDays(30), Instant.now())).isFalse();
	}

	@Test
	void expiredCertificateIsDetected() {
		TestPki.Store store = new TestPki(this.dir).expiredClientKeyStore("expired.p12", "secret");

		CertificateInfo info = ClientCertificate.inspect(TestSettings.tls(store.path(), "secret", null, null));

		assertThat(info.isExpired(Instant.now())).isTrue();
		assertThat(info.expiresWithin(Duration.ofDays(30), Instant.now())).isTrue();
	}

	@Test
	void certificateExpiringWithinThirtyDaysIsDetected() {
		TestPki.Store store = new TestPki(this.dir).clientKeyStore("soon.p12", "secret", Duration.ofDays(10));

		CertificateInfo info = ClientCertificate.inspect(TestSettings.tls(store.path(), "secret", null, null));

		assertThat(info.isExpired(Instant.now())).isFalse();
		assertThat(info.expiresWithin(Duration.ofDays(30), Instant.now())).isTrue();
		assertThat(info.expiresWithin(Duration.ofDays(5), Instant.now())).isFalse();
	}

	@Test
	void wrongPasswordIsOneLineNamingTheFileNotThePassword() {
		TestPki.Store store = new TestPki(this.dir).clientKeyStore("client.p12", "secret", Duration.ofDays(700));

		assertThatIllegalArgumentException()
			.isThrownBy(() -> ClientCertificate.inspect(TestSettings.tls(store.path(), "Hunter2!", null, null)))
			.withMessage("key store " + store.path() + " cannot be opened: wrong password")
			.satisfies((ex) -> assertThat(ex.getMessage()).doesNotContain("Hunter2!").doesNotContain("\n"));
	}

	@Test
	void noKeyStoreConfiguredSaysWhichSettingIsMissing() {
		assertThatIllegalArgumentException().isThrownBy(() -> ClientCertificate.inspect(TestSettings.noTls()))
			.withMessageContaining("scb.tls.key-store");
	}

}
