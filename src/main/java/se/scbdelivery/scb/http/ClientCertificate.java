package se.scbdelivery.scb.http;

import java.security.GeneralSecurityException;
import java.security.KeyStore;
import java.security.cert.Certificate;
import java.security.cert.X509Certificate;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Locale;

import se.scbdelivery.config.ScbProperties;

/**
 * Reads the configured client certificate without connecting anywhere, so that an expired
 * or soon expiring certificate (SCB's most common cause of errors) is reported before a
 * delivery starts.
 */
public final class ClientCertificate {

	private ClientCertificate() {
	}

	/** What a person needs to recognise a certificate and know when it stops working. */
	public record CertificateInfo(String subject, String serialNumberHex, Instant notBefore, Instant notAfter) {

		public boolean isExpired(Instant now) {
			return now.isAfter(this.notAfter);
		}

		/** Also true when already expired. */
		public boolean expiresWithin(Duration period, Instant now) {
			return !now.plus(period).isBefore(this.notAfter);
		}

	}

	/**
	 * The certificate of the first private key entry in the configured key store.
	 * @throws IllegalArgumentException when no key store is configured, or naming the
	 * file and the problem (missing, wrong password, not a key store, no private key);
	 * never the password
	 */
	public static CertificateInfo inspect(ScbProperties.Tls tls) {
		return chain(tls).get(0);
	}

	/**
	 * The chain of the first private key entry, the client's own certificate first, then
	 * the CAs that issued it as far as the key store holds them.
	 * @throws IllegalArgumentException as {@link #inspect}
	 */
	public static List<CertificateInfo> chain(ScbProperties.Tls tls) {
		if (tls.keyStore() == null) {
			throw new IllegalArgumentException("no client certificate is configured: set scb.tls.key-store");
		}
		char[] password = KeyStores.password(tls.keyStorePassword(), tls.keyStorePasswordFile(), "key store");
		KeyStore store = KeyStores.load(tls.keyStore(), tls.keyStoreType(), (password != null) ? password : new char[0],
				"key store");
		try {
			for (String alias : Collections.list(store.aliases())) {
				Certificate[] chain = store.getCertificateChain(alias);
				if (store.isKeyEntry(alias) && chain != null && chain.length > 0
						&& chain[0] instanceof X509Certificate) {
					List<CertificateInfo> infos = new ArrayList<>();
					for (Certificate certificate : chain) {
						if (certificate instanceof X509Certificate x509) {
							infos.add(info(x509));
						}
					}
					return infos;
				}
			}
		}
		catch (GeneralSecurityException ex) {
			throw new IllegalArgumentException(
					"key store " + tls.keyStore() + " cannot be read: " + ex.getClass().getSimpleName());
		}
		throw new IllegalArgumentException(
				"key store " + tls.keyStore() + " holds no client certificate with a private key");
	}

	private static CertificateInfo info(X509Certificate x509) {
		return new CertificateInfo(x509.getSubjectX500Principal().getName(),
				x509.getSerialNumber().toString(16).toUpperCase(Locale.ROOT), x509.getNotBefore().toInstant(),
				x509.getNotAfter().toInstant());
	}

}
