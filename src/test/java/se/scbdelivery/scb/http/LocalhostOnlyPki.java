package se.scbdelivery.scb.http;

import java.io.OutputStream;
import java.math.BigInteger;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.KeyPair;
import java.security.KeyPairGenerator;
import java.security.KeyStore;
import java.security.cert.Certificate;
import java.security.cert.X509Certificate;
import java.time.Duration;
import java.time.Instant;
import java.util.Date;

import org.bouncycastle.asn1.x500.X500Name;
import org.bouncycastle.asn1.x509.BasicConstraints;
import org.bouncycastle.asn1.x509.Extension;
import org.bouncycastle.asn1.x509.GeneralName;
import org.bouncycastle.asn1.x509.GeneralNames;
import org.bouncycastle.cert.jcajce.JcaX509CertificateConverter;
import org.bouncycastle.cert.jcajce.JcaX509v3CertificateBuilder;
import org.bouncycastle.operator.ContentSigner;
import org.bouncycastle.operator.jcajce.JcaContentSignerBuilder;

/**
 * A CA of its own and a server certificate whose only name is {@code DNS:localhost}, so that
 * reaching the same server as {@code 127.0.0.1} must fail host name verification. (TestPki's
 * server certificate names both.)
 */
final class LocalhostOnlyPki {

	final Path serverKeyStore;

	final Path trustStore;

	static final String PASSWORD = "localhost-only";

	LocalhostOnlyPki(Path dir) throws Exception {
		KeyPairGenerator generator = KeyPairGenerator.getInstance("EC");
		generator.initialize(256);
		KeyPair caKeys = generator.generateKeyPair();
		KeyPair serverKeys = generator.generateKeyPair();
		X509Certificate ca = sign("CN=localhost-only CA", caKeys, caKeys, "CN=localhost-only CA", true);
		X509Certificate server = sign("CN=localhost", serverKeys, caKeys, "CN=localhost-only CA", false);

		KeyStore keys = KeyStore.getInstance("PKCS12");
		keys.load(null, null);
		keys.setKeyEntry("server", serverKeys.getPrivate(), PASSWORD.toCharArray(), new Certificate[] { server, ca });
		this.serverKeyStore = write(keys, dir.resolve("localhost-only-server.p12"));
		KeyStore trust = KeyStore.getInstance("PKCS12");
		trust.load(null, null);
		trust.setCertificateEntry("ca", ca);
		this.trustStore = write(trust, dir.resolve("localhost-only-trust.p12"));
	}

	private static X509Certificate sign(String subject, KeyPair subjectKeys, KeyPair issuerKeys, String issuer,
			boolean isCa) throws Exception {
		JcaX509v3CertificateBuilder builder = new JcaX509v3CertificateBuilder(new X500Name(issuer),
				BigInteger.valueOf(System.nanoTime()), Date.from(Instant.now().minus(Duration.ofDays(1))),
				Date.from(Instant.now().plus(Duration.ofDays(30))), new X500Name(subject), subjectKeys.getPublic());
		builder.addExtension(Extension.basicConstraints, true, new BasicConstraints(isCa));
		if (!isCa) {
			builder.addExtension(Extension.subjectAlternativeName, false,
					new GeneralNames(new GeneralName(GeneralName.dNSName, "localhost")));
		}
		ContentSigner signer = new JcaContentSignerBuilder("SHA256withECDSA").build(issuerKeys.getPrivate());
		return new JcaX509CertificateConverter().getCertificate(builder.build(signer));
	}

	private static Path write(KeyStore store, Path path) throws Exception {
		try (OutputStream out = Files.newOutputStream(path)) {
			store.store(out, PASSWORD.toCharArray());
		}
		return path;
	}

}
