package se.scbdelivery.scb.http;

import java.security.GeneralSecurityException;
import java.security.KeyStore;
import java.security.cert.Certificate;
import java.security.cert.X509Certificate;
import java.util.Collections;
import java.util.Objects;
import javax.net.ssl.KeyManagerFactory;
import javax.net.ssl.SSLException;
import javax.net.ssl.TrustManager;
import javax.net.ssl.TrustManagerFactory;
import javax.net.ssl.X509TrustManager;

import io.netty.handler.ssl.SslContext;
import io.netty.handler.ssl.SslContextBuilder;

import se.scbdelivery.config.ScbProperties;

/**
 * The client side of SCB's mutual TLS: our certificate from the configured key store, the
 * JVM's trusted CAs plus those of the optional trust store, TLS 1.3 and 1.2 only, and
 * host name verification on.
 */
public final class ClientTlsContext {

	private static final String[] PROTOCOLS = { "TLSv1.3", "TLSv1.2" };

	private ClientTlsContext() {
	}

	/**
	 * Builds the client's {@link SslContext}. Without a key store no client certificate
	 * is sent (SCB will then refuse the handshake).
	 * @throws IllegalArgumentException naming the store file and the problem (missing
	 * file, wrong password, not a key store, no private key); never the password
	 */
	public static SslContext create(ScbProperties.Tls tls) {
		SslContextBuilder builder = SslContextBuilder.forClient()
			.protocols(PROTOCOLS)
			// Netty and Reactor Netty both verify host names for clients by default;
			// saying so
			// here keeps it on whatever a later version's default is.
			.endpointIdentificationAlgorithm("HTTPS");
		if (tls.keyStore() != null) {
			builder.keyManager(keyManagers(tls));
		}
		if (tls.trustStore() != null) {
			builder.trustManager(trustManagers(tls));
		}
		try {
			return builder.build();
		}
		catch (SSLException ex) {
			throw new IllegalArgumentException("TLS cannot be set up from " + tls + ": " + ex.getMessage());
		}
	}

	private static KeyManagerFactory keyManagers(ScbProperties.Tls tls) {
		char[] password = KeyStores.password(tls.keyStorePassword(), tls.keyStorePasswordFile(), "key store");
		char[] keyPassword = (password != null) ? password : new char[0];
		// only called with a key store configured
		KeyStore store = KeyStores.load(Objects.requireNonNull(tls.keyStore()), tls.keyStoreType(), keyPassword,
				"key store");
		try {
			if (!hasPrivateKey(store)) {
				throw new IllegalArgumentException("key store " + tls.keyStore() + " holds no private key");
			}
			KeyManagerFactory factory = KeyManagerFactory.getInstance(KeyManagerFactory.getDefaultAlgorithm());
			factory.init(store, keyPassword);
			return factory;
		}
		catch (GeneralSecurityException ex) {
			throw new IllegalArgumentException("key store " + tls.keyStore()
					+ " cannot be used: its private key does not open with the store's password ("
					+ ex.getClass().getSimpleName() + ")");
		}
	}

	/**
	 * One trust store holding the JVM's default CAs and the configured ones: extra CAs
	 * are added, never a replacement, so SCB's publicly trusted certificate keeps
	 * working.
	 */
	private static TrustManagerFactory trustManagers(ScbProperties.Tls tls) {
		char[] password = KeyStores.password(tls.trustStorePassword(), tls.trustStorePasswordFile(), "trust store");
		// only called with a trust store configured
		KeyStore extra = KeyStores.load(Objects.requireNonNull(tls.trustStore()), tls.trustStoreType(), password,
				"trust store");
		try {
			KeyStore combined = KeyStore.getInstance(KeyStore.getDefaultType());
			combined.load(null, null);
			int added = 0;
			for (X509Certificate ca : defaultTrustManager().getAcceptedIssuers()) {
				combined.setCertificateEntry("default-" + added++, ca);
			}
			int extraCount = 0;
			for (String alias : Collections.list(extra.aliases())) {
				Certificate certificate = extra.getCertificate(alias);
				if (certificate != null) {
					combined.setCertificateEntry("extra-" + extraCount++, certificate);
				}
			}
			if (extraCount == 0) {
				throw new IllegalArgumentException("trust store " + tls.trustStore() + " holds no certificates");
			}
			TrustManagerFactory factory = TrustManagerFactory.getInstance(TrustManagerFactory.getDefaultAlgorithm());
			factory.init(combined);
			return factory;
		}
		catch (GeneralSecurityException | java.io.IOException ex) {
			throw new IllegalStateException("the JVM's trusted CAs cannot be combined with " + tls.trustStore(), ex);
		}
	}

	private static X509TrustManager defaultTrustManager() throws GeneralSecurityException {
		TrustManagerFactory factory = TrustManagerFactory.getInstance(TrustManagerFactory.getDefaultAlgorithm());
		factory.init((KeyStore) null);
		for (TrustManager manager : factory.getTrustManagers()) {
			if (manager instanceof X509TrustManager x509) {
				return x509;
			}
		}
		throw new GeneralSecurityException("the JVM has no X.509 trust manager");
	}

	private static boolean hasPrivateKey(KeyStore store) throws GeneralSecurityException {
		for (String alias : Collections.list(store.aliases())) {
			if (store.isKeyEntry(alias)) {
				return true;
			}
		}
		return false;
	}

}
