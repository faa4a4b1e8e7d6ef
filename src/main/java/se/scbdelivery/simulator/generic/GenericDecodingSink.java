package se.scbdelivery.simulator.generic;

import java.io.BufferedOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;

import se.scbdelivery.simulator.server.ReceivedFile;

/**
 * Where the base64 decoder writes a delivered file: a temporary file, while computing the
 * bytes' SHA-256 and {@link GenericContentScanner scanning} them, so a file of any size
 * passes through bounded memory. Not thread-safe.
 */
final class GenericDecodingSink extends OutputStream {

	private final Path file;

	private final OutputStream out;

	private final MessageDigest sha256;

	private final GenericContentScanner scanner = new GenericContentScanner();

	private GenericDecodingSink(Path file) throws IOException {
		this.file = file;
		this.out = new BufferedOutputStream(Files.newOutputStream(file), 64 * 1024);
		try {
			this.sha256 = MessageDigest.getInstance("SHA-256");
		}
		catch (NoSuchAlgorithmException ex) {
			throw new IllegalStateException("every Java runtime has SHA-256", ex);
		}
	}

	static GenericDecodingSink create() throws IOException {
		return new GenericDecodingSink(Files.createTempFile("scb-stand-in-decoded-", ".bin"));
	}

	@Override
	public void write(int b) throws IOException {
		write(new byte[] { (byte) b }, 0, 1);
	}

	@Override
	public void write(byte[] bytes, int offset, int length) throws IOException {
		this.out.write(bytes, offset, length);
		this.sha256.update(bytes, offset, length);
		this.scanner.scan(bytes, offset, length);
	}

	/** Ends the content: small content moves to memory and its file is deleted. */
	GenericDecodedContent finish() throws IOException {
		this.out.close();
		this.scanner.finish();
		return new GenericDecodedContent(HexFormat.of().formatHex(this.sha256.digest()),
				ReceivedFile.takeOver(this.file), this.scanner.markerFound(), this.scanner.rowsWithSemicolon());
	}

	/** Gives up on content that could not be decoded: closes and deletes the file. */
	void discard() throws IOException {
		this.out.close();
		Files.deleteIfExists(this.file);
	}

}
