package se.scbdelivery.simulator;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.GeneralSecurityException;
import java.security.KeyStore;

import javax.net.ssl.KeyManagerFactory;
import javax.net.ssl.TrustManagerFactory;

import io.netty.handler.ssl.ClientAuth;
import reactor.netty.http.Http11SslContextSpec;

/** The stand-in's TLS: its own PKCS12 key, TLS 1.2 and 1.3, and, when asked, a required client certificate. */
final class ServerTls {

	private ServerTls() {
	}

	/** @throws IllegalStateException naming the store that cannot be read */
	static Http11SslContextSpec sslContext(StandInOptions.Tls tls) {
		KeyManagerFactory keys = keyManagers(tls.keyStore(), tls.keyStorePassword());
		TrustManagerFactory trust = (tls.clientTrustStore() != null)
				? trustManagers(tls.clientTrustStore(), String.valueOf(tls.clientTrustStorePassword())) : null;
		return Http11SslContextSpec.forServer(keys).configure((builder) -> {
			builder.protocols("TLSv1.3", "TLSv1.2");
			if (trust != null) {
				builder.trustManager(trust).clientAuth(ClientAuth.REQUIRE);
			}
		});
	}

	private static KeyManagerFactory keyManagers(Path path, String password) {
		try {
			KeyManagerFactory factory = KeyManagerFactory.getInstance(KeyManagerFactory.getDefaultAlgorithm());
			factory.init(load(path, password), password.toCharArray());
			return factory;
		}
		catch (GeneralSecurityException | IOException ex) {
			throw new IllegalStateException("cannot use the stand-in's key store " + path + ": " + ex.getMessage(), ex);
		}
	}

	private static TrustManagerFactory trustManagers(Path path, String password) {
		try {
			TrustManagerFactory factory = TrustManagerFactory.getInstance(TrustManagerFactory.getDefaultAlgorithm());
			factory.init(load(path, password));
			return factory;
		}
		catch (GeneralSecurityException | IOException ex) {
			throw new IllegalStateException(
					"cannot use the stand-in's client trust store " + path + ": " + ex.getMessage(), ex);
		}
	}

	private static KeyStore load(Path path, String password) throws GeneralSecurityException, IOException {
		KeyStore store = KeyStore.getInstance("PKCS12");
		try (InputStream in = Files.newInputStream(path)) {
			store.load(in, password.toCharArray());
		}
		return store;
	}

}
