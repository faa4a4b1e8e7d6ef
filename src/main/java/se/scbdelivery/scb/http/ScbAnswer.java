package se.scbdelivery.scb.http;

import java.nio.charset.StandardCharsets;

import io.netty.handler.codec.http.HttpHeaders;

/**
 * An answer from SCB. {@link ScbHttpClient#execute} returns only 2xx answers, their body
 * complete and at most {@code scb.http.max-answer-bytes} long.
 */
public record ScbAnswer(int status, HttpHeaders headers, byte[] body) {

	public String text() {
		return new String(this.body, StandardCharsets.UTF_8);
	}

	/** At most 200 characters of the body on one line, for error messages. */
	public String excerpt() {
		return excerpt(text());
	}

	static String excerpt(String text) {
		String flat = text.replaceAll("\\s+", " ").trim();
		return (flat.length() > 200) ? flat.substring(0, 200) + "…" : flat;
	}

}
