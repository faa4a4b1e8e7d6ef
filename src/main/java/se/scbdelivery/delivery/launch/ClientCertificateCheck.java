package se.scbdelivery.delivery.launch;

import java.util.List;

/**
 * Checks the configured client certificate before anything is sent: it opens with its
 * password and has not expired.
 */
@FunctionalInterface
public interface ClientCertificateCheck {

	/**
	 * @return warnings a person should see (e.g. the certificate expires within the
	 * warning period); empty when there are none or no certificate is configured
	 * @throws InvalidDeliveryInputException when the certificate cannot be used
	 */
	List<String> check();

}
