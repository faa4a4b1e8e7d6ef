package se.scbdelivery.scb.http;

import java.io.ByteArrayOutputStream;

import io.netty.buffer.ByteBuf;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;

/**
 * Reads an answer body into memory, but never more than a cap: a misbehaving proxy or
 * server must not be able to exhaust the heap. Reading stops (and the connection is
 * dropped) as soon as the cap is reached.
 */
final class BoundedBody {

	private final ByteArrayOutputStream bytes = new ByteArrayOutputStream();

	private final int cap;

	private BoundedBody(int cap) {
		this.cap = cap;
	}

	/** At most {@code cap} bytes of the body. */
	static Mono<byte[]> read(Flux<ByteBuf> body, int cap) {
		return Mono.defer(() -> {
			BoundedBody collector = new BoundedBody(cap);
			// The predicate copies each buffer while it is still valid; false ends the
			// read.
			return body.takeWhile(collector::append).then(Mono.fromSupplier(collector.bytes::toByteArray));
		});
	}

	private boolean append(ByteBuf buffer) {
		int room = this.cap - this.bytes.size();
		int copied = Math.min(room, buffer.readableBytes());
		byte[] chunk = new byte[copied];
		buffer.getBytes(buffer.readerIndex(), chunk);
		this.bytes.write(chunk, 0, copied);
		return this.bytes.size() < this.cap;
	}

}
