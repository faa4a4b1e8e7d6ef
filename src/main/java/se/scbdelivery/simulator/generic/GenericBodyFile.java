package se.scbdelivery.simulator.generic;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.channels.FileChannel;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;

import io.netty.buffer.ByteBuf;

import se.scbdelivery.simulator.server.TemporaryFiles;

/**
 * A request body written to a temporary file chunk by chunk as it arrives, so a body of
 * any size passes through bounded memory. {@link #close()} deletes the file. Not
 * thread-safe: Reactor Netty delivers one request's chunks one after another.
 */
final class GenericBodyFile implements AutoCloseable {

	private final Path path;

	private final FileChannel channel;

	private long size;

	private GenericBodyFile(Path path) throws IOException {
		this.path = path;
		this.channel = FileChannel.open(path, StandardOpenOption.WRITE);
	}

	static GenericBodyFile create() throws IOException {
		return new GenericBodyFile(Files.createTempFile("scb-stand-in-request-", ".json"));
	}

	/**
	 * Writes the chunk's readable bytes; the caller still owns (and releases) the buffer.
	 */
	void append(ByteBuf chunk) {
		try {
			while (chunk.isReadable()) {
				this.size += chunk.readBytes(this.channel, chunk.readableBytes());
			}
		}
		catch (IOException ex) {
			throw new UncheckedIOException("could not write the request body to " + this.path, ex);
		}
	}

	long size() {
		return this.size;
	}

	/** Ends the body: the file is complete and can be read. */
	Path finish() throws IOException {
		this.channel.close();
		return this.path;
	}

	@Override
	public void close() {
		try {
			this.channel.close();
		}
		catch (IOException ex) {
			throw new UncheckedIOException("could not close the request body file " + this.path, ex);
		}
		TemporaryFiles.delete(this.path);
	}

}
