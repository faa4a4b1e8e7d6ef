package se.scbdelivery.delivery;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.List;

import org.springframework.stereotype.Component;

import se.scbdelivery.config.ScbProperties;

/**
 * Everything that must hold before a delivery may exist as a job execution: the file is a
 * readable, non-empty regular file, the fragment size is allowed, the certificate is usable.
 * Runs before an execution is created (so bad input leaves nothing for {@code restart} to
 * trip over) and again in the validate step at every start and restart.
 */
@Component
public class DeliveryInputCheck {

	private final ScbProperties.Upload upload;

	private final ClientCertificateCheck certificateCheck;

	private final FingerprintCache fingerprints = new FingerprintCache();

	DeliveryInputCheck(ScbProperties properties, ClientCertificateCheck certificateCheck) {
		this.upload = properties.upload();
		this.certificateCheck = certificateCheck;
	}

	/**
	 * Checks a file to be sent in fragments, and the fragment size.
	 * @return the file's fingerprint, computed by reading it once
	 * @throws InvalidDeliveryInputException naming the first problem
	 */
	public FileFingerprint checkFileAndSettings(Path file) {
		checkFragmentSize(this.upload.fragmentSize());
		return checkFile(file);
	}

	/**
	 * @return the file's fingerprint, computed by reading it once per process while the file
	 * keeps its size, modification time and inode
	 * @throws InvalidDeliveryInputException naming the first problem
	 */
	public FileFingerprint checkFile(Path file) {
		checkReadableFile(file);
		return this.fingerprints.get(file, DeliveryInputCheck::fingerprint);
	}

	/**
	 * @return warnings about the certificate for the log and the report
	 * @throws InvalidDeliveryInputException when it cannot be used
	 */
	public List<String> checkCertificate() {
		return this.certificateCheck.check();
	}

	static void checkFragmentSize(int fragmentSize) {
		if (fragmentSize < 1 || fragmentSize > ScbProperties.Upload.MAX_FRAGMENT_SIZE) {
			throw new InvalidDeliveryInputException("scb.upload.fragment-size " + fragmentSize + " must be 1.."
					+ ScbProperties.Upload.MAX_FRAGMENT_SIZE + " bytes (SCB's largest fragment)");
		}
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

	/** Reads the file once, streaming, for its SHA-256 and size. */
	static FileFingerprint fingerprint(Path file) {
		try (InputStream in = Files.newInputStream(file)) {
			MessageDigest digest = MessageDigest.getInstance("SHA-256");
			byte[] buffer = new byte[64 * 1024];
			long size = 0;
			for (int read = in.read(buffer); read != -1; read = in.read(buffer)) {
				digest.update(buffer, 0, read);
				size += read;
			}
			return new FileFingerprint(HexFormat.of().formatHex(digest.digest()), size);
		}
		catch (IOException ex) {
			throw new InvalidDeliveryInputException("file " + file + " cannot be read: " + ex.getMessage(), ex);
		}
		catch (NoSuchAlgorithmException ex) {
			throw new IllegalStateException("this JVM has no SHA-256", ex);
		}
	}

}
