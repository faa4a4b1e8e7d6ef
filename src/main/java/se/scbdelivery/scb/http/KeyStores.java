package se.scbdelivery.scb.http;

import java.io.FileNotFoundException;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.security.GeneralSecurityException;
import java.security.KeyStore;
import java.security.UnrecoverableKeyException;

import org.jspecify.annotations.Nullable;

/**
 * Opens the configured key and trust stores. Every failure is one line naming the file
 * and the problem, and never the password, so it can be shown as it is.
 */
final class KeyStores {

	private KeyStores() {
	}

	/**
	 * The password given directly, else the first line of the password file, else none.
	 * @throws IllegalArgumentException if the password file cannot be read
	 */
	static char @Nullable [] password(@Nullable String password, @Nullable Path passwordFile, String what) {
		if (password != null) {
			return password.toCharArray();
		}
		if (passwordFile == null) {
			return null;
		}
		try {
			String text = Files.readString(passwordFile, StandardCharsets.UTF_8);
			// Files written by `echo` or an editor end in a newline that is not part of
			// the password.
			return text.replaceAll("[\r\n]+$", "").toCharArray();
		}
		catch (NoSuchFileException ex) {
			throw new IllegalArgumentException(what + " password file " + passwordFile + " does not exist");
		}
		catch (IOException ex) {
			throw new IllegalArgumentException(what + " password file " + passwordFile + " cannot be read: " + ex);
		}
	}

	/**
	 * Loads a key store and checks that its password opens it.
	 * @throws IllegalArgumentException naming the file and the problem
	 */
	static KeyStore load(Path path, String type, char @Nullable [] password, String what) {
		KeyStore store;
		try {
			store = KeyStore.getInstance(type);
		}
		catch (GeneralSecurityException ex) {
			throw new IllegalArgumentException(what + " type '" + type + "' is not supported (use PKCS12)");
		}
		try (InputStream in = Files.newInputStream(path)) {
			store.load(in, password);
			return store;
		}
		catch (NoSuchFileException | FileNotFoundException ex) {
			throw new IllegalArgumentException(what + " " + path + " does not exist");
		}
		catch (IOException ex) {
			if (ex.getCause() instanceof UnrecoverableKeyException
					|| String.valueOf(ex.getMessage()).contains("password")) {
				throw new IllegalArgumentException(what + " " + path + " cannot be opened: wrong password");
			}
			if (Files.isDirectory(path)) {
				throw new IllegalArgumentException(what + " " + path + " is a directory, not a key store");
			}
			throw new IllegalArgumentException(what + " " + path + " is not a " + type + " key store or is damaged ("
					+ ex.getClass().getSimpleName() + ")");
		}
		catch (GeneralSecurityException ex) {
			throw new IllegalArgumentException(
					what + " " + path + " cannot be read as " + type + ": " + ex.getClass().getSimpleName());
		}
	}

}
