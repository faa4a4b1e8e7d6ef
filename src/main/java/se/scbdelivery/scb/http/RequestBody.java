package se.scbdelivery.scb.http;

import java.util.function.Supplier;

import io.netty.buffer.ByteBuf;
import org.reactivestreams.Publisher;

/**
 * A request body sent with an exact {@code Content-Length}, never chunked.
 *
 * @param content called once per attempt, so a retry reads the bytes again from their
 * source; the publisher must emit exactly {@code contentLength} bytes
 */
public record RequestBody(String contentType, long contentLength, Supplier<Publisher<ByteBuf>> content) {

	public RequestBody {
		if (contentLength < 0) {
			throw new IllegalArgumentException("content length must not be negative: " + contentLength);
		}
	}

}
