package se.scbdelivery.scb.generic;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Base64;

import io.netty.buffer.ByteBuf;
import io.netty.buffer.ByteBufAllocator;
import io.netty.buffer.Unpooled;
import reactor.core.publisher.Flux;
import tools.jackson.core.io.JsonStringEncoder;

import se.scbdelivery.scb.http.FileChannels;
import se.scbdelivery.scb.http.RequestBody;

import static se.scbdelivery.scb.http.FileChannels.fill;
import static se.scbdelivery.scb.http.FileChannels.open;

/**
 * The JSON body of {@code POST api/v1/delivery}, with the file base64-encoded into
 * {@code fileObject.fileContent} as it is read. Only one chunk of the file is in memory
 * at a time, so a 1 GB file costs no more heap than a small one; the length is known
 * beforehand from the file's size, so the body goes with an exact Content-Length.
 */
final class SubmissionBody {

	static final String CONTENT_TYPE = "application/json";

	/**
	 * A multiple of 3, so that every chunk but the last encodes to base64 without
	 * padding.
	 */
	static final int CHUNK_SIZE = 48 * 1024;

	private static final byte[] SUFFIX = "\"}}".getBytes(StandardCharsets.US_ASCII);

	private SubmissionBody() {
	}

	/**
	 * The body for {@code file} as it is now; each attempt reads the file again.
	 * @throws IllegalArgumentException if the file cannot be read (nothing is sent)
	 */
	static RequestBody of(GenericSubmission submission, Path file) {
		long size;
		try {
			size = Files.size(file);
		}
		catch (IOException ex) {
			throw new IllegalArgumentException(file + " cannot be read: " + ex);
		}
		byte[] prefix = prefix(submission);
		long length = prefix.length + encodedLength(size) + SUFFIX.length;
		return new RequestBody(CONTENT_TYPE, length, () -> Flux.concat(Flux.just(Unpooled.wrappedBuffer(prefix)),
				base64(file, size), Flux.just(Unpooled.wrappedBuffer(SUFFIX))));
	}

	/** Base64 with padding: 4 characters for every 3 bytes or part of them. */
	static long encodedLength(long size) {
		return 4 * ((size + 2) / 3);
	}

	/**
	 * Everything before the base64: the metadata with PROTOCOL.md §2's field names, then
	 * the file last, so that all but the base64 is known before streaming starts.
	 * Optional fields are left out rather than sent as null; {@code test} only when true.
	 */
	static byte[] prefix(GenericSubmission submission) {
		StringBuilder json = new StringBuilder("{");
		field(json, "contract", submission.contract());
		if (submission.organisation() != null) {
			field(json.append(','), "orgNr", submission.organisation().value());
		}
		if (submission.test()) {
			json.append(",\"test\":true");
		}
		if (submission.deliveryFormatName() != null) {
			field(json.append(','), "deliveryFormatName", submission.deliveryFormatName());
		}
		if (submission.externalVersionId() != null) {
			field(json.append(','), "externalVersionId", submission.externalVersionId());
		}
		json.append(",\"fileObject\":{\"fileContent\":\"");
		return json.toString().getBytes(StandardCharsets.UTF_8);
	}

	private static void field(StringBuilder json, String name, String value) {
		json.append('"').append(name).append("\":\"");
		JsonStringEncoder.getInstance().quoteAsString(value, json);
		json.append('"');
	}

	/**
	 * The file's base64, read lazily on subscription in {@link #CHUNK_SIZE} pieces. A
	 * file whose size differs from {@code size} fails the call rather than sending a body
	 * that disagrees with its Content-Length: the file changed since the body was
	 * planned.
	 */
	static Flux<ByteBuf> base64(Path file, long size) {
		Base64.Encoder encoder = Base64.getEncoder();
		return Flux.using(() -> open(file), (channel) -> Flux.<ByteBuf, Long>generate(() -> 0L, (read, sink) -> {
			if (read == size) {
				checkUnchanged(channel, file, size);
				sink.complete();
				return read;
			}
			int chunk = (int) Math.min(CHUNK_SIZE, size - read);
			ByteBuf raw = ByteBufAllocator.DEFAULT.buffer(chunk, chunk);
			try {
				fill(raw, channel, read, file);
				ByteBuffer encoded = encoder.encode(raw.nioBuffer());
				sink.next(Unpooled.wrappedBuffer(encoded));
			}
			finally {
				raw.release();
			}
			return read + chunk;
		}), FileChannels::closeQuietly);
	}

	private static void checkUnchanged(FileChannel channel, Path file, long size) {
		try {
			if (channel.size() != size) {
				throw new IllegalStateException(file + " is now " + channel.size() + " bytes instead of " + size
						+ " while being sent: it changed during the delivery");
			}
		}
		catch (IOException ex) {
			throw new IllegalStateException("reading " + file + " failed: " + ex);
		}
	}

}
