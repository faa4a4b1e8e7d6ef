package se.scbdelivery.delivery.launch;

import java.nio.file.Path;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.concurrent.atomic.AtomicReference;
import java.util.function.Function;

import org.jspecify.annotations.Nullable;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.stereotype.Component;

import se.scbdelivery.config.ScbProperties;
import se.scbdelivery.delivery.InvalidDeliveryInputException;
import se.scbdelivery.scb.http.ClientCertificate;
import se.scbdelivery.scb.http.ClientCertificate.CertificateInfo;
import se.scbdelivery.scb.http.ClientTlsContext;

/**
 * Checks the configured TLS material without connecting: both stores open with their
 * passwords, and neither the client certificate nor a CA certificate of its chain has
 * expired. A certificate that expires within {@code scb.tls.expiry-warning} gives a
 * warning. An expired or wrong certificate is SCB's most common cause of failed
 * deliveries, so it is caught here, before anything is sent.
 */
@Component
class ConfiguredCertificateCheck implements ClientCertificateCheck {

	private final ScbProperties.Tls tls;

	private final Clock clock;

	private final Function<ScbProperties.Tls, List<CertificateInfo>> open;

	private final AtomicReference<@Nullable Opened> opened = new AtomicReference<>();

	@Autowired
	ConfiguredCertificateCheck(ScbProperties properties, Clock clock) {
		this(properties, clock, ConfiguredCertificateCheck::open);
	}

	/**
	 * @param open opens the stores as the client does and gives the client certificate's
	 * chain, empty without a key store
	 */
	ConfiguredCertificateCheck(ScbProperties properties, Clock clock,
			Function<ScbProperties.Tls, List<CertificateInfo>> open) {
		this.tls = properties.tls();
		this.clock = clock;
		this.open = open;
	}

	static List<CertificateInfo> open(ScbProperties.Tls tls) {
		ClientTlsContext.create(tls);
		return (tls.keyStore() != null) ? ClientCertificate.chain(tls) : List.of();
	}

	@Override
	public List<String> check() {
		try {
			List<CertificateInfo> chain = chain();
			if (chain.isEmpty()) {
				return List.of();
			}
			CertificateInfo certificate = chain.get(0);
			Instant now = this.clock.instant();
			for (CertificateInfo issuer : chain.subList(1, chain.size())) {
				if (issuer.isExpired(now)) {
					throw new InvalidDeliveryInputException("the certificate chain in " + this.tls.keyStore()
							+ " holds an expired CA certificate (" + issuer.subject() + ", expired on "
							+ day(issuer.notAfter()) + "): download a new certificate from Indataportalen");
				}
			}
			if (certificate.isExpired(now)) {
				throw new InvalidDeliveryInputException("the client certificate in " + this.tls.keyStore()
						+ " expired on " + day(certificate.notAfter()) + " (serial " + certificate.serialNumberHex()
						+ "): download a new one from Indataportalen");
			}
			if (certificate.expiresWithin(this.tls.expiryWarning(), now)) {
				return List.of("The client certificate in " + this.tls.keyStore() + " expires on "
						+ day(certificate.notAfter()) + " (serial " + certificate.serialNumberHex()
						+ "): download a new one from Indataportalen before then");
			}
			return List.of();
		}
		catch (IllegalArgumentException ex) {
			throw new InvalidDeliveryInputException(Objects.requireNonNullElse(ex.getMessage(), ex.toString()), ex);
		}
	}

	/**
	 * The client certificate's chain, empty without a key store, once the stores have
	 * opened as the client opens them. Opening them costs some 30 ms of CPU (the PKCS12
	 * key derivation), and every delivery checks at its pre-flight and at each start, so
	 * the answer is kept while the stores and password files are unchanged on disk; the
	 * expiry is judged against the clock every time.
	 */
	private List<CertificateInfo> chain() {
		List<@Nullable FileStamp> stamps = stamps();
		Opened last = this.opened.get();
		if (last != null && last.stamps().equals(stamps)) {
			return last.chain();
		}
		List<CertificateInfo> chain = this.open.apply(this.tls);
		if (!stamps.contains(null)) {
			this.opened.set(new Opened(stamps, chain));
		}
		return chain;
	}

	/** The files the stores are opened from, as they are now. */
	private List<@Nullable FileStamp> stamps() {
		List<@Nullable FileStamp> stamps = new ArrayList<>();
		for (Path file : new Path[] { this.tls.keyStore(), this.tls.keyStorePasswordFile(), this.tls.trustStore(),
				this.tls.trustStorePasswordFile() }) {
			if (file != null) {
				stamps.add(FileStamp.of(file));
			}
		}
		return stamps;
	}

	private record Opened(List<@Nullable FileStamp> stamps, List<CertificateInfo> chain) {
	}

	private static LocalDate day(Instant instant) {
		return LocalDate.ofInstant(instant, ZoneOffset.UTC);
	}

}
