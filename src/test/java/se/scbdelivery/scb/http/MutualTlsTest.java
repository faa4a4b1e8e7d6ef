package se.scbdelivery.scb.http;

import java.io.InputStream;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.KeyStore;
import java.security.cert.X509Certificate;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicInteger;
import javax.net.ssl.KeyManagerFactory;
import javax.net.ssl.SSLEngine;

import io.netty.buffer.ByteBufAllocator;
import io.netty.handler.ssl.ClientAuth;
import io.netty.handler.ssl.SslContext;
import io.netty.handler.ssl.SslContextBuilder;
import io.netty.handler.ssl.SslHandler;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import reactor.core.publisher.Mono;
import reactor.netty.DisposableServer;
import reactor.netty.http.server.HttpServer;

import se.scbdelivery.config.ScbProperties;
import se.scbdelivery.testsupport.ProductSettings;
import se.scbdelivery.testsupport.TestPki;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatExceptionOfType;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;

/**
 * Mutual TLS against a Reactor Netty server that requires a client certificate issued by
 * the test CA: what works, what fails in the handshake (at once, without retrying), and
 * that host names are verified.
 */
class MutualTlsTest {

	@TempDir
	Path dir;

	private TestPki pki;

	private TestPki.Store client;

	private TestPki.Store trust;

	private final AtomicInteger connections = new AtomicInteger();

	private final List<String> clientSubjects = new CopyOnWriteArrayList<>();

	private final TestSettings.RecordingSleeper sleeper = new TestSettings.RecordingSleeper();

	private DisposableServer server;

	@BeforeEach
	void pki() {
		this.pki = new TestPki(this.dir);
		this.client = this.pki.clientKeyStore("client.p12", "client-secret", java.time.Duration.ofDays(700));
		this.trust = this.pki.trustStore("trust.p12", "trust-secret");
	}

	@AfterEach
	void stop() {
		if (this.server != null) {
			this.server.disposeNow();
		}
	}

	@Test
	void rightClientCertificateIsAcceptedAndSeenByTheServer() throws Exception {
		start(this.pki.serverKeyStore("server.p12", "server-secret").path(), "server-secret");

		ScbAnswer answer = heartbeat("localhost", tls(this.client, this.trust));

		assertThat(answer.text()).isEqualTo("2024-06-30T10:15:00Z");
		assertThat(this.clientSubjects).singleElement().asString().contains("CN=scb-delivery test client");
	}

	@Test
	void noClientCertificateFailsTheHandshakeWithoutRetrying() throws Exception {
		start(this.pki.serverKeyStore("server.p12", "server-secret").path(), "server-secret");

		assertThatExceptionOfType(ScbTlsException.class)
			.isThrownBy(() -> heartbeat("localhost", TestSettings.tls(null, null, this.trust.path(), "trust-secret")))
			.satisfies(MutualTlsTest::isOneLine)
			.withMessageStartingWith(
					"GET heartbeat failed in the TLS handshake: the server refused our client certificate");
		assertThat(this.connections).hasValue(1);
		assertThat(this.clientSubjects).isEmpty();
		assertThat(this.sleeper.delays()).isEmpty();
	}

	@Test
	void clientCertificateFromAnotherCaFailsTheHandshakeWithoutRetrying() throws Exception {
		start(this.pki.serverKeyStore("server.p12", "server-secret").path(), "server-secret");
		TestPki.Store stranger = new TestPki(this.dir.resolve("other"), "some other CA").clientKeyStore("stranger.p12",
				"stranger-secret", java.time.Duration.ofDays(700));

		assertThatExceptionOfType(ScbTlsException.class)
			.isThrownBy(() -> heartbeat("localhost", tls(stranger, this.trust)))
			.satisfies(MutualTlsTest::isOneLine)
			.withMessageContaining("the server refused our client certificate");
		assertThat(this.connections).hasValue(1);
		assertThat(this.clientSubjects).isEmpty();
	}

	@Test
	void serverCertificateFromAnUntrustedCaFailsTheHandshake() throws Exception {
		start(this.pki.serverKeyStore("server.p12", "server-secret").path(), "server-secret");

		assertThatExceptionOfType(ScbTlsException.class)
			.isThrownBy(() -> heartbeat("localhost", TestSettings.tls(this.client.path(), "client-secret", null, null)))
			.satisfies(MutualTlsTest::isOneLine)
			.withMessageContaining("not issued by a trusted CA");
		assertThat(this.connections).hasValue(1);
	}

	@Test
	void hostNameIsVerified() throws Exception {
		TestPki localhostOnly = new TestPki(this.dir.resolve("localhost-only"), "localhost-only CA");
		start(localhostOnly.localhostOnlyServerKeyStore("server.p12", "localhost-only").path(), "localhost-only");
		ScbProperties.Tls tls = tls(this.client, localhostOnly.trustStore("trust.p12", "localhost-only"));

		assertThat(heartbeat("localhost", tls).status()).isEqualTo(200);
		assertThatExceptionOfType(ScbTlsException.class).isThrownBy(() -> heartbeat("127.0.0.1", tls))
			.satisfies(MutualTlsTest::isOneLine)
			.withMessageContaining("not valid for this host name");
	}

	@Test
	void onlyTls12AndTls13AreOffered() {
		SSLEngine engine = ClientTlsContext
			.create(TestSettings.tls(this.client.path(), "client-secret", this.trust.path(), "trust-secret"))
			.newEngine(ByteBufAllocator.DEFAULT);

		assertThat(engine.getEnabledProtocols()).containsExactlyInAnyOrder("TLSv1.3", "TLSv1.2");
	}

	@Test
	void trustStoreWithAWrongPasswordIsNamedWithoutThePassword() {
		assertThatIllegalArgumentException()
			.isThrownBy(() -> ClientTlsContext
				.create(TestSettings.tls(this.client.path(), "client-secret", this.trust.path(), "not-the-password")))
			.withMessage("trust store " + this.trust.path() + " cannot be opened: wrong password")
			.satisfies((ex) -> assertThat(ex.getMessage()).doesNotContain("not-the-password"));
	}

	@Test
	void keyStoreThatIsMissingOrNotAKeyStoreIsNamed() throws Exception {
		Path text = Files.writeString(this.dir.resolve("notes.txt"), "not a key store");
		Path missing = this.dir.resolve("missing.p12");

		assertThatIllegalArgumentException()
			.isThrownBy(() -> ClientTlsContext.create(TestSettings.tls(missing, "x", null, null)))
			.withMessage("key store " + missing + " does not exist");
		assertThatIllegalArgumentException()
			.isThrownBy(() -> ClientTlsContext.create(TestSettings.tls(text, "x", null, null)))
			.withMessageStartingWith("key store " + text + " is not a PKCS12 key store");
	}

	@Test
	void keyStorePasswordFileMayEndInANewline() throws Exception {
		start(this.pki.serverKeyStore("server.p12", "server-secret").path(), "server-secret");
		Path passwordFile = Files.writeString(this.dir.resolve("client.password"), "client-secret\n");
		ScbProperties.Tls tls = ProductSettings.standard(MutualTlsTest.class)
			.keyStore(this.client.path(), passwordFile)
			.trustStore(this.trust.path())
			.trustStorePassword("trust-secret")
			.scbProperties()
			.tls();

		assertThat(heartbeat("localhost", tls).status()).isEqualTo(200);
	}

	private ScbAnswer heartbeat(String host, ScbProperties.Tls tls) {
		try (ScbHttpClient http = ScbHttpClient.create(TestSettings.http(3), tls, this.sleeper)) {
			return http.execute(ScbCall.get(ScbEndpoint.GDB_HEARTBEAT,
					URI.create("https://" + host + ":" + this.server.port() + "/m2m/v2/"), List.of("heartbeat"),
					ScbCall.noHeaders()));
		}
	}

	private static ScbProperties.Tls tls(TestPki.Store keyStore, TestPki.Store trustStore) {
		return TestSettings.tls(keyStore.path(), keyStore.password(), trustStore.path(), trustStore.password());
	}

	private void start(Path keyStore, String password) throws Exception {
		KeyStore keys = KeyStore.getInstance("PKCS12");
		try (InputStream in = Files.newInputStream(keyStore)) {
			keys.load(in, password.toCharArray());
		}
		KeyManagerFactory keyManagers = KeyManagerFactory.getInstance(KeyManagerFactory.getDefaultAlgorithm());
		keyManagers.init(keys, password.toCharArray());
		SslContext context = SslContextBuilder.forServer(keyManagers)
			.trustManager(this.pki.caCertificate())
			.clientAuth(ClientAuth.REQUIRE)
			.build();
		this.server = HttpServer.create()
			.host("localhost")
			.port(0)
			.secure((spec) -> spec.sslContext(context))
			.doOnChannelInit((observer, channel, address) -> this.connections.incrementAndGet())
			.handle((request, response) -> {
				request.withConnection((connection) -> {
					SslHandler tls = connection.channel().pipeline().get(SslHandler.class);
					try {
						X509Certificate peer = (X509Certificate) tls.engine().getSession().getPeerCertificates()[0];
						this.clientSubjects.add(peer.getSubjectX500Principal().getName());
					}
					catch (javax.net.ssl.SSLPeerUnverifiedException ex) {
						throw new IllegalStateException(ex);
					}
				});
				return response.sendString(Mono.just("2024-06-30T10:15:00Z"));
			})
			.bindNow();
	}

	private static void isOneLine(Throwable ex) {
		assertThat(ex.getMessage()).doesNotContain("\n");
	}

}
