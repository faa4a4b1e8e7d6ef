package se.scbdelivery.delivery.launch;

import java.util.Objects;

import org.springframework.batch.core.job.parameters.JobParameters;
import org.springframework.stereotype.Component;

import se.scbdelivery.config.ScbProperties;
import se.scbdelivery.delivery.Channel;
import se.scbdelivery.delivery.DeliveryRequest;
import se.scbdelivery.delivery.FileFingerprint;
import se.scbdelivery.delivery.InvalidDeliveryInputException;

/**
 * What must hold before a delivery may exist as a job execution, or resume: settings that
 * belong to the environment, the channel's base URL, a usable file (unchanged, for a
 * resume) and a usable certificate. Bad input leaves nothing for {@code restart} to trip
 * over.
 */
@Component
class PreflightChecks {

	private final ScbProperties properties;

	private final DeliveryInputCheck inputCheck;

	PreflightChecks(ScbProperties properties, DeliveryInputCheck inputCheck) {
		this.properties = properties;
		this.inputCheck = inputCheck;
	}

	/**
	 * @return the file's fingerprint, which becomes part of the delivery's identity
	 * @throws InvalidDeliveryInputException naming the first problem
	 */
	FileFingerprint beforeDelivery(DeliveryRequest request) {
		checkSettings(request.channel());
		FileFingerprint fingerprint = this.inputCheck.checkFile(request.file());
		this.inputCheck.checkCertificate();
		return fingerprint;
	}

	/**
	 * @param lastExecution the execution the delivery would resume from
	 * @throws InvalidDeliveryInputException naming the first problem
	 */
	void beforeResume(Channel channel, JobParameters parameters, long lastExecution) {
		checkSettings(channel);
		this.inputCheck.checkUnchanged(parameters, "execution " + lastExecution);
		this.inputCheck.checkCertificate();
	}

	private void checkSettings(Channel channel) {
		this.properties.environmentMismatch().ifPresent((reason) -> {
			throw new InvalidDeliveryInputException(reason);
		});
		if (channel == Channel.GENERIC) {
			try {
				this.properties.genericBaseUrl();
			}
			catch (IllegalArgumentException ex) {
				throw new InvalidDeliveryInputException(Objects.requireNonNullElse(ex.getMessage(), ex.toString()), ex);
			}
		}
	}

}
