package se.scbdelivery.simulator.gdb;

import java.io.IOException;
import java.io.InputStream;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.KeyStore;
import java.time.Duration;
import javax.net.ssl.KeyManagerFactory;
import javax.net.ssl.SSLContext;
import javax.net.ssl.TrustManagerFactory;

import org.jspecify.annotations.Nullable;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import se.scbdelivery.simulator.ScbStandIn;
import se.scbdelivery.simulator.StandInOptions;
import se.scbdelivery.testsupport.TestPki;
import se.scbdelivery.testsupport.TestPki.Store;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatExceptionOfType;
import static org.assertj.core.api.Assertions.assertThatIllegalStateException;

/**
 * Over HTTPS the stand-in, like SCB, requires a client certificate signed by the CA it
 * trusts.
 */
class ScbStandInTlsTest {

	private static final String PASSWORD = "test-password";

	@TempDir
	Path dir;

	private TestPki pki;

	private Store caTrust;

	private ScbStandIn standIn;

	@BeforeEach
	void start() {
		this.pki = new TestPki(this.dir);
		Store server = this.pki.serverKeyStore("server.p12", PASSWORD);
		this.caTrust = this.pki.trustStore("ca.p12", PASSWORD);
		this.standIn = ScbStandIn.start(StandInOptions.defaults()
			.withTls(server.path(), server.password())
			.withRequiredClientCertificate(this.caTrust.path(), this.caTrust.password()));
	}

	@AfterEach
	void stop() {
		this.standIn.close();
	}

	@Test
	void clientWithACertificateFromTheTrustedCaIsServed() throws Exception {
		Store clientKeys = this.pki.clientKeyStore("client.p12", PASSWORD, Duration.ofDays(730));
		GdbTestClient client = new GdbTestClient(this.standIn.gdbBaseUrl(), sslContext(clientKeys, this.caTrust));

		HttpResponse<String> heartbeat = client.heartbeat();

		assertThat(this.standIn.gdbBaseUrl().toString()).startsWith("https://127.0.0.1:");
		assertThat(heartbeat.statusCode()).isEqualTo(200);
		assertThat(heartbeat.sslSession()).get()
			.satisfies((session) -> assertThat(session.getProtocol()).isIn("TLSv1.3", "TLSv1.2"));
		assertThat(client.deliver(Reports.report(5), 700)).isNotBlank();
		assertThat(this.standIn.deliveries()).hasSize(1);
	}

	@Test
	void clientWithoutACertificateFailsTheHandshake() {
		GdbTestClient client = new GdbTestClient(this.standIn.gdbBaseUrl(), sslContext(null, this.caTrust));

		// TLS 1.3: the client may finish its side of the handshake before the server
		// judges its
		// certificate, so the refusal arrives as an alert or as a closed connection
		assertThatExceptionOfType(IOException.class).isThrownBy(client::heartbeat);

		assertThat(this.standIn.heartbeatCount()).isZero();
	}

	@Test
	void clientWithACertificateFromAnotherCaFailsTheHandshake() {
		Store stranger = new TestPki(this.dir.resolve("other"), "some other CA").clientKeyStore("stranger.p12",
				PASSWORD, Duration.ofDays(730));
		GdbTestClient client = new GdbTestClient(this.standIn.gdbBaseUrl(), sslContext(stranger, this.caTrust));

		// TLS 1.3: the client may finish its side of the handshake before the server
		// judges its
		// certificate, so the refusal arrives as an alert or as a closed connection
		assertThatExceptionOfType(IOException.class).isThrownBy(client::heartbeat);

		assertThat(this.standIn.heartbeatCount()).isZero();
	}

	@Test
	void unreadableKeyStoreIsNamedAtStart() {
		Path missing = this.dir.resolve("missing.p12");

		assertThatIllegalStateException()
			.isThrownBy(() -> ScbStandIn.start(StandInOptions.defaults().withTls(missing, PASSWORD)))
			.withMessageContaining("cannot use the stand-in's key store " + missing);
	}

	/** Trusts only the test CA; presents {@code keys} when given. */
	private static SSLContext sslContext(@Nullable Store keys, Store trust) {
		try {
			TrustManagerFactory trustManagers = TrustManagerFactory
				.getInstance(TrustManagerFactory.getDefaultAlgorithm());
			trustManagers.init(load(trust));
			KeyManagerFactory keyManagers = null;
			if (keys != null) {
				keyManagers = KeyManagerFactory.getInstance(KeyManagerFactory.getDefaultAlgorithm());
				keyManagers.init(load(keys), keys.password().toCharArray());
			}
			SSLContext context = SSLContext.getInstance("TLS");
			context.init((keyManagers != null) ? keyManagers.getKeyManagers() : null, trustManagers.getTrustManagers(),
					null);
			return context;
		}
		catch (Exception ex) {
			throw new IllegalStateException(ex);
		}
	}

	private static KeyStore load(Store store) throws Exception {
		KeyStore keyStore = KeyStore.getInstance("PKCS12");
		try (InputStream in = Files.newInputStream(store.path())) {
			keyStore.load(in, store.password().toCharArray());
		}
		return keyStore;
	}

}
