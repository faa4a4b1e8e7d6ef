package se.scbdelivery.scb.gdb;

import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.UUID;
import java.util.function.Supplier;

import io.netty.buffer.ByteBuf;
import io.netty.buffer.ByteBufAllocator;
import io.netty.buffer.Unpooled;
import reactor.core.publisher.Flux;

import se.scbdelivery.scb.http.FileChannels;
import se.scbdelivery.scb.http.PercentEncoding;
import se.scbdelivery.scb.http.RequestBody;

import static se.scbdelivery.scb.http.FileChannels.fill;
import static se.scbdelivery.scb.http.FileChannels.open;

/**
 * The {@code multipart/form-data} body SCB takes: one part named {@code File}, carrying a
 * region of a file. Built by hand because Reactor Netty's form support sends chunked and
 * copies a byte range into a temporary file; this streams the region from disk in 64 KiB
 * buffers with an exact length.
 */
final class FilePart {

	static final String PART_NAME = "File";

	private static final int BUFFER_SIZE = 64 * 1024;

	private FilePart() {
	}

	/** {@code length} bytes of {@code file} from {@code offset}. */
	static RequestBody of(String fileName, Path file, long offset, int length) {
		return body(fileName, length, () -> region(file, offset, length));
	}

	/** The empty part that completes an upload (fragment -1). */
	static RequestBody empty(String fileName) {
		return body(fileName, 0, Flux::empty);
	}

	private static RequestBody body(String fileName, int length, Supplier<Flux<ByteBuf>> content) {
		String boundary = "scb-delivery-" + UUID.randomUUID().toString().replace("-", "");
		byte[] head = ("--" + boundary + "\r\n" + "Content-Disposition: form-data; name=\"" + PART_NAME + "\"; "
				+ fileNameParameters(fileName) + "\r\n" + "Content-Type: application/octet-stream\r\n\r\n")
			.getBytes(StandardCharsets.UTF_8);
		byte[] tail = ("\r\n--" + boundary + "--\r\n").getBytes(StandardCharsets.US_ASCII);
		return new RequestBody("multipart/form-data; boundary=" + boundary, head.length + (long) length + tail.length,
				() -> Flux.concat(Flux.just(Unpooled.wrappedBuffer(head)), content.get(),
						Flux.just(Unpooled.wrappedBuffer(tail))));
	}

	/**
	 * {@code filename="..."} as browsers write it (RFC 7578 §4.2: UTF-8 as is; quote, CR
	 * and LF percent-encoded), plus RFC 5987's {@code filename*} when that form loses
	 * anything, as .NET clients send and SCB's servers read.
	 */
	static String fileNameParameters(String fileName) {
		String quoted = fileName.replace("\"", "%22").replace("\r", "%0D").replace("\n", "%0A");
		boolean plain = fileName.chars().allMatch((c) -> c >= 0x20 && c < 0x7F && c != '"' && c != '\\' && c != '%');
		return "filename=\"" + quoted + "\"" + (plain ? "" : "; filename*=UTF-8''" + PercentEncoding.encode(fileName));
	}

	/**
	 * Reads the region lazily on subscription, so each attempt reads it again from disk.
	 * A file shorter than the region is an error, not a transient fault: the file
	 * changed.
	 */
	static Flux<ByteBuf> region(Path file, long offset, int length) {
		return Flux.using(() -> open(file), (channel) -> Flux.<ByteBuf, Long>generate(() -> 0L, (sent, sink) -> {
			if (sent == length) {
				sink.complete();
				return sent;
			}
			int size = (int) Math.min(BUFFER_SIZE, length - sent);
			ByteBuf buffer = ByteBufAllocator.DEFAULT.buffer(size, size);
			try {
				fill(buffer, channel, offset + sent, file);
			}
			catch (RuntimeException ex) {
				buffer.release();
				throw ex;
			}
			sink.next(buffer);
			return sent + size;
		}), FileChannels::closeQuietly);
	}

}
