package se.scbdelivery.simulator.generic;

import java.io.ByteArrayInputStream;
import java.io.InputStream;
import java.io.SequenceInputStream;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.Arrays;
import java.util.Base64;
import java.util.Collections;
import java.util.HexFormat;
import java.util.List;

/**
 * A file of any size made on the fly from a repeating pattern of every byte value, and a
 * submission body embedding it as base64, generated chunk by chunk, so neither is ever in
 * memory.
 */
final class PatternContent {

	/**
	 * A prime length, so chunk and base64 boundaries keep falling at different pattern
	 * offsets.
	 */
	private static final int PERIOD = 251;

	/** A multiple of 3, so only the last chunk's base64 has padding. */
	private static final int CHUNK = 3 * 16 * 1024;

	private PatternContent() {
	}

	static byte at(long position) {
		return (byte) ((position % PERIOD) * 97 + 13);
	}

	static byte[] bytes(int size) {
		byte[] bytes = new byte[size];
		for (int i = 0; i < size; i++) {
			bytes[i] = at(i);
		}
		return bytes;
	}

	static String sha256(long size) throws NoSuchAlgorithmException {
		MessageDigest digest = MessageDigest.getInstance("SHA-256");
		byte[] chunk = new byte[CHUNK];
		for (long done = 0; done < size;) {
			int length = (int) Math.min(CHUNK, size - done);
			for (int i = 0; i < length; i++) {
				chunk[i] = at(done + i);
			}
			digest.update(chunk, 0, length);
			done += length;
		}
		return HexFormat.of().formatHex(digest.digest());
	}

	/**
	 * {@code {"contract":"1","fileObject":{"fileContent":"<base64 of size pattern
	 * bytes>"}}}, streamed.
	 */
	static InputStream submission(long size) {
		return new SequenceInputStream(Collections.enumeration(List
			.of(text("{\"contract\":\"1\",\"fileObject\":{\"fileContent\":\""), new Base64Stream(size), text("\"}}"))));
	}

	private static InputStream text(String text) {
		return new ByteArrayInputStream(text.getBytes(StandardCharsets.US_ASCII));
	}

	/**
	 * The base64 of the pattern's first {@code size} bytes, encoded one chunk at a time.
	 */
	private static final class Base64Stream extends InputStream {

		private final long size;

		private final byte[] chunk = new byte[CHUNK];

		private long encoded;

		private byte[] buffer = new byte[0];

		private int position;

		Base64Stream(long size) {
			this.size = size;
		}

		@Override
		public int read() {
			byte[] one = new byte[1];
			return (read(one, 0, 1) < 0) ? -1 : one[0] & 0xFF;
		}

		@Override
		public int read(byte[] target, int offset, int length) {
			if (this.position == this.buffer.length && !refill()) {
				return -1;
			}
			int count = Math.min(length, this.buffer.length - this.position);
			System.arraycopy(this.buffer, this.position, target, offset, count);
			this.position += count;
			return count;
		}

		private boolean refill() {
			if (this.encoded == this.size) {
				return false;
			}
			int length = (int) Math.min(CHUNK, this.size - this.encoded);
			for (int i = 0; i < length; i++) {
				this.chunk[i] = at(this.encoded + i);
			}
			this.buffer = Base64.getEncoder().encode(Arrays.copyOf(this.chunk, length));
			this.position = 0;
			this.encoded += length;
			return true;
		}

	}

}
