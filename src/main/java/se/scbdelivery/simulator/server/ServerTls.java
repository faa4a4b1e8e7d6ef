package se.scbdelivery.simulator.server;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.GeneralSecurityException;
import java.security.KeyStore;
import javax.net.ssl.KeyManagerFactory;
import javax.net.ssl.TrustManagerFactory;

import io.netty.handler.ssl.ClientAuth;
import org.jspecify.annotations.Nullable;
import reactor.netty.http.Http11SslContextSpec;

/**
 * The stand-in's TLS: its own PKCS12 key, TLS 1.2 and 1.3, and, when asked, a required
 * client certificate.
 */
public final class ServerTls {

	private ServerTls() {
	}

	/**
	 * @param keyStore the server's key and certificate chain
	 * @param clientTrustStore the CAs client certificates must be signed by; {@code null}
	 * when no client certificate is asked for
	 * @throws IllegalStateException naming the store that cannot be read
	 */
	public static Http11SslContextSpec sslContext(Path keyStore, String keyStorePassword,
			@Nullable Path clientTrustStore, @Nullable String clientTrustStorePassword) {
		KeyManagerFactory keys = keyManagers(keyStore, keyStorePassword);
		TrustManagerFactory trust = (clientTrustStore != null)
				? trustManagers(clientTrustStore, String.valueOf(clientTrustStorePassword)) : null;
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
