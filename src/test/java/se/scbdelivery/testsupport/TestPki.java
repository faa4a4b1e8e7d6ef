package se.scbdelivery.testsupport;

import java.io.IOException;
import java.io.OutputStream;
import java.math.BigInteger;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.GeneralSecurityException;
import java.security.KeyPair;
import java.security.KeyPairGenerator;
import java.security.KeyStore;
import java.security.PrivateKey;
import java.security.cert.Certificate;
import java.security.cert.X509Certificate;
import java.time.Duration;
import java.time.Instant;
import java.util.Date;
import java.util.concurrent.atomic.AtomicLong;

import org.bouncycastle.asn1.x500.X500Name;
import org.bouncycastle.asn1.x509.BasicConstraints;
import org.bouncycastle.asn1.x509.Extension;
import org.bouncycastle.asn1.x509.GeneralName;
import org.bouncycastle.asn1.x509.GeneralNames;
import org.bouncycastle.asn1.x509.KeyUsage;
import org.bouncycastle.cert.X509v3CertificateBuilder;
import org.bouncycastle.cert.jcajce.JcaX509CertificateConverter;
import org.bouncycastle.cert.jcajce.JcaX509v3CertificateBuilder;
import org.bouncycastle.operator.ContentSigner;
import org.bouncycastle.operator.jcajce.JcaContentSignerBuilder;

/**
 * Test certificates made fresh for each test run: a CA, a server certificate for
 * {@code localhost}/{@code 127.0.0.1} (or for {@code localhost} only), and client
 * certificates (valid, expired, expiring, signed by a CA the server does not trust).
 * Written as PKCS12 files, the format SCB issues. No trust-all managers anywhere: tests
 * trust this CA explicitly.
 */
public final class TestPki {

	private static final AtomicLong SERIAL = new AtomicLong(System.currentTimeMillis());

	private static final GeneralName[] NO_NAMES = {};

	private static final GeneralName[] SERVER_NAMES = { new GeneralName(GeneralName.dNSName, "localhost"),
			new GeneralName(GeneralName.iPAddress, "127.0.0.1") };

	private static final GeneralName[] LOCALHOST_ONLY = { new GeneralName(GeneralName.dNSName, "localhost") };

	private final Path dir;

	private final Issued ca;

	/** A CA, its key and certificate, kept in memory to sign others. */
	public record Issued(String name, KeyPair keys, X509Certificate certificate, X509Certificate issuer) {
	}

	/** A PKCS12 file and its password. */
	public record Store(Path path, String password, X509Certificate certificate) {
	}

	public TestPki(Path dir) {
		this(dir, "scb-delivery test CA");
	}

	public TestPki(Path dir, String caName) {
		this(dir, caName, Instant.now().minus(Duration.ofDays(1)), Instant.now().plus(Duration.ofDays(3650)));
	}

	/** A CA with explicit dates, e.g. one that has expired. */
	public TestPki(Path dir, String caName, Instant caNotBefore, Instant caNotAfter) {
		this.dir = dir;
		try {
			KeyPair keys = newKeys();
			X509Certificate cert = sign("CN=" + caName, keys, "CN=" + caName, keys.getPrivate(), caNotBefore,
					caNotAfter, true, NO_NAMES);
			this.ca = new Issued(caName, keys, cert, cert);
		}
		catch (GeneralSecurityException | IOException ex) {
			throw new IllegalStateException(ex);
		}
	}

	public X509Certificate caCertificate() {
		return this.ca.certificate();
	}

	/** A trust store (PKCS12) holding only this CA. */
	public Store trustStore(String fileName, String password) {
		try {
			KeyStore store = KeyStore.getInstance("PKCS12");
			store.load(null, null);
			store.setCertificateEntry("ca", this.ca.certificate());
			return new Store(write(store, fileName, password), password, this.ca.certificate());
		}
		catch (GeneralSecurityException | IOException ex) {
			throw new IllegalStateException(ex);
		}
	}

	/** A server key store for {@code localhost} and {@code 127.0.0.1}. */
	public Store serverKeyStore(String fileName, String password) {
		return issue("CN=localhost", fileName, password, Instant.now().minus(Duration.ofDays(1)),
				Instant.now().plus(Duration.ofDays(365)), SERVER_NAMES);
	}

	/**
	 * A server key store whose only name is {@code DNS:localhost}, so that reaching the
	 * same server as {@code 127.0.0.1} must fail host name verification.
	 */
	public Store localhostOnlyServerKeyStore(String fileName, String password) {
		return issue("CN=localhost", fileName, password, Instant.now().minus(Duration.ofDays(1)),
				Instant.now().plus(Duration.ofDays(365)), LOCALHOST_ONLY);
	}

	/** A client certificate valid from yesterday for {@code validFor}. */
	public Store clientKeyStore(String fileName, String password, Duration validFor) {
		return issue("CN=scb-delivery test client, O=Fiktiv Rapportör AB, SERIALNUMBER=9990000045", fileName, password,
				Instant.now().minus(Duration.ofDays(1)), Instant.now().plus(validFor), false);
	}

	/** A client certificate whose validity ended yesterday. */
	public Store expiredClientKeyStore(String fileName, String password) {
		return issue("CN=scb-delivery expired client", fileName, password, Instant.now().minus(Duration.ofDays(800)),
				Instant.now().minus(Duration.ofDays(1)), false);
	}

	/**
	 * Any certificate with explicit dates; a server's names {@code localhost} and
	 * {@code 127.0.0.1}.
	 */
	public Store issue(String subject, String fileName, String password, Instant notBefore, Instant notAfter,
			boolean server) {
		return issue(subject, fileName, password, notBefore, notAfter, server ? SERVER_NAMES : NO_NAMES);
	}

	private Store issue(String subject, String fileName, String password, Instant notBefore, Instant notAfter,
			GeneralName[] names) {
		try {
			KeyPair keys = newKeys();
			X509Certificate cert = sign(subject, keys, this.ca.certificate().getSubjectX500Principal().getName(),
					this.ca.keys().getPrivate(), notBefore, notAfter, false, names);
			KeyStore store = KeyStore.getInstance("PKCS12");
			store.load(null, null);
			store.setKeyEntry("key", keys.getPrivate(), password.toCharArray(),
					new Certificate[] { cert, this.ca.certificate() });
			return new Store(write(store, fileName, password), password, cert);
		}
		catch (GeneralSecurityException | IOException ex) {
			throw new IllegalStateException(ex);
		}
	}

	private Path write(KeyStore store, String fileName, String password) throws IOException {
		Files.createDirectories(this.dir);
		Path path = this.dir.resolve(fileName);
		try (OutputStream out = Files.newOutputStream(path)) {
			store.store(out, password.toCharArray());
		}
		catch (GeneralSecurityException ex) {
			throw new IOException(ex);
		}
		return path;
	}

	private static KeyPair newKeys() throws GeneralSecurityException {
		KeyPairGenerator generator = KeyPairGenerator.getInstance("EC");
		generator.initialize(256);
		return generator.generateKeyPair();
	}

	private static X509Certificate sign(String subject, KeyPair subjectKeys, String issuer, PrivateKey issuerKey,
			Instant notBefore, Instant notAfter, boolean isCa, GeneralName[] names)
			throws GeneralSecurityException, IOException {
		X509v3CertificateBuilder builder = new JcaX509v3CertificateBuilder(new X500Name(issuer),
				BigInteger.valueOf(SERIAL.incrementAndGet()), Date.from(notBefore), Date.from(notAfter),
				new X500Name(subject), subjectKeys.getPublic());
		builder.addExtension(Extension.basicConstraints, true, new BasicConstraints(isCa));
		if (isCa) {
			builder.addExtension(Extension.keyUsage, true, new KeyUsage(KeyUsage.keyCertSign | KeyUsage.cRLSign));
		}
		else {
			builder.addExtension(Extension.keyUsage, true,
					new KeyUsage(KeyUsage.digitalSignature | KeyUsage.keyEncipherment));
		}
		if (names.length > 0) {
			builder.addExtension(Extension.subjectAlternativeName, false, new GeneralNames(names));
		}
		try {
			ContentSigner signer = new JcaContentSignerBuilder("SHA256withECDSA").build(issuerKey);
			return new JcaX509CertificateConverter().getCertificate(builder.build(signer));
		}
		catch (org.bouncycastle.operator.OperatorCreationException ex) {
			throw new GeneralSecurityException(ex);
		}
	}

}
