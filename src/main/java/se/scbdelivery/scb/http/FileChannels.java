package se.scbdelivery.scb.http;

import java.io.IOException;
import java.nio.channels.FileChannel;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;

/** Opening and closing the file a request body streams from. */
public final class FileChannels {

	private FileChannels() {
	}

	/** @throws IllegalStateException naming the file when it cannot be read */
	public static FileChannel open(Path file) {
		try {
			return FileChannel.open(file, StandardOpenOption.READ);
		}
		catch (IOException ex) {
			throw new IllegalStateException(file + " cannot be read: " + ex);
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
