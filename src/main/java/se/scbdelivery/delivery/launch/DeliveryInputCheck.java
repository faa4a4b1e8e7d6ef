package se.scbdelivery.delivery.launch;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

import org.springframework.batch.core.job.parameters.JobParameters;
import org.springframework.stereotype.Component;

import se.scbdelivery.delivery.DeliveryJobParameters;
import se.scbdelivery.delivery.FileFingerprint;
import se.scbdelivery.delivery.InvalidDeliveryInputException;

/**
 * Everything that must hold before a delivery may exist as a job execution: the file is a
 * readable, non-empty regular file, the fragment size is allowed, the certificate is
 * usable. Runs before an execution is created (so bad input leaves nothing for
 * {@code restart} to trip over) and again in the validate step at every start and
 * restart.
 */
@Component
public class DeliveryInputCheck {

	private final ClientCertificateCheck certificateCheck;

	private final FingerprintCache fingerprints = new FingerprintCache();

	DeliveryInputCheck(ClientCertificateCheck certificateCheck) {
		this.certificateCheck = certificateCheck;
	}

	/**
	 * The one answer to "is this still the file the delivery began with?": the same
	 * checks as before it began, and the same SHA-256 and size. A changed file is a new
	 * delivery.
	 * @param since what began with the file, for the message: "this delivery", "execution
	 * 7"
	 * @throws InvalidDeliveryInputException when the file is unusable or has changed
	 */
	public FileFingerprint checkUnchanged(JobParameters parameters, String since) {
		Path file = DeliveryJobParameters.file(parameters);
		FileFingerprint then = DeliveryJobParameters.fingerprint(parameters);
		FileFingerprint now = checkFile(file);
		if (!now.equals(then)) {
			throw new InvalidDeliveryInputException("file " + file + " has changed since " + since + " began (SHA-256 "
					+ abbreviate(then.sha256()) + " then, " + abbreviate(now.sha256())
					+ " now): a changed file is a new delivery; deliver it with 'deliver'");
		}
		return now;
	}

	private static String abbreviate(String sha256) {
		return sha256.substring(0, 12) + "…";
	}

	/**
	 * Checks a file to be sent (the fragment size, a setting, is checked at start-up).
	 * @return the file's fingerprint, computed by reading it once per process while the
	 * file keeps its size, modification time and inode
	 * @throws InvalidDeliveryInputException naming the first problem
	 */
	public FileFingerprint checkFile(Path file) {
		checkReadableFile(file);
		return this.fingerprints.get(file, FileFingerprint::of);
	}

	/**
	 * @return warnings about the certificate for the log and the report
	 * @throws InvalidDeliveryInputException when it cannot be used
	 */
	public List<String> checkCertificate() {
		return this.certificateCheck.check();
	}

	static void checkReadableFile(Path file) {
		if (!Files.exists(file)) {
			throw new InvalidDeliveryInputException("file " + file + " does not exist");
		}
		if (!Files.isRegularFile(file)) {
			throw new InvalidDeliveryInputException("file " + file + " is not a regular file");
		}
		if (!Files.isReadable(file)) {
			throw new InvalidDeliveryInputException("file " + file + " cannot be read: check its permissions");
		}
		try {
			if (Files.size(file) == 0) {
				throw new InvalidDeliveryInputException("file " + file + " is empty: SCB takes only complete files");
			}
		}
		catch (IOException ex) {
			throw new InvalidDeliveryInputException("file " + file + " cannot be read: " + ex.getMessage(), ex);
		}
	}

}
