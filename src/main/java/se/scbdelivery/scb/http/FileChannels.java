package se.scbdelivery.scb.http;

import java.io.IOException;
import java.nio.channels.FileChannel;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;

import io.netty.buffer.ByteBuf;

/** Opening, reading and closing the file a request body streams from. */
public final class FileChannels {

	private FileChannels() {
	}

	/**
	 * @throws IllegalStateException naming the file when it cannot be read
	 */
	public static FileChannel open(Path file) {
		try {
			return FileChannel.open(file, StandardOpenOption.READ);
		}
		catch (IOException ex) {
			throw new IllegalStateException(file + " cannot be read: " + ex);
		}
	}

	/**
	 * Fills the buffer with the file's bytes from {@code start}. Failures are not
	 * IOExceptions: a problem with our own file is no transient fault of SCB's, and
	 * retrying the call will not help.
	 * @throws IllegalStateException when the file ends early (it changed during the
	 * delivery) or cannot be read
	 */
	public static void fill(ByteBuf buffer, FileChannel channel, long start, Path file) {
		try {
			while (buffer.isWritable()) {
				long position = start + buffer.readableBytes();
				if (buffer.writeBytes(channel, position, buffer.writableBytes()) < 0) {
					throw new IllegalStateException(
							file + " ends at byte " + position + " while being sent: it changed during the delivery");
				}
			}
		}
		catch (IOException ex) {
			throw new IllegalStateException("reading " + file + " failed: " + ex);
		}
	}

	public static void closeQuietly(FileChannel channel) {
		try {
			channel.close();
		}
		catch (IOException ex) {
			// only read from: nothing was lost, and the call's outcome is already decided
		}
	}

}
