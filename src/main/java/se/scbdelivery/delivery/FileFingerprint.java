package se.scbdelivery.delivery;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;

/** What identifies a file's content: its SHA-256 (lower-case hex) and size in bytes. */
public record FileFingerprint(String sha256, long size) {

	/**
	 * Reads the file once, streaming, for its SHA-256 and size.
	 * @throws InvalidDeliveryInputException when it cannot be read
	 */
	public static FileFingerprint of(Path file) {
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
