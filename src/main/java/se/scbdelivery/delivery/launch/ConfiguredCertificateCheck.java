package se.scbdelivery.delivery.launch;

import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Objects;

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

	ConfiguredCertificateCheck(ScbProperties properties, Clock clock) {
		this.tls = properties.tls();
		this.clock = clock;
	}

	@Override
	public List<String> check() {
		try {
			ClientTlsContext.create(this.tls);
			if (this.tls.keyStore() == null) {
				return List.of();
			}
			List<CertificateInfo> chain = ClientCertificate.chain(this.tls);
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

	private static LocalDate day(Instant instant) {
		return LocalDate.ofInstant(instant, ZoneOffset.UTC);
	}

}
