package se.scbdelivery.simulator.server;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import tools.jackson.databind.json.JsonMapper;

/**
 * An HTTP answer the stand-in sends: status, JSON body and extra headers (in order, names
 * may repeat).
 */
public record Answer(int status, byte[] body, List<Map.Entry<String, String>> headers) {

	private static final JsonMapper JSON = JsonMapper.shared();

	public Answer {
		headers = List.copyOf(headers);
	}

	/**
	 * {@code value} as JSON; maps keep their order, so use a {@link LinkedHashMap} for
	 * SCB's property order.
	 */
	public static Answer json(int status, Object value) {
		return new Answer(status, JSON.writeValueAsBytes(value), List.of());
	}

	/** SCB's error shape: {@code {"Message": "..."}}. */
	public static Answer message(int status, String message) {
		return json(status, Map.of("Message", message));
	}

	/** A body given as text, sent as it is (for faults that script the exact body). */
	public static Answer raw(int status, String body, Map<String, String> headers) {
		return new Answer(status, body.getBytes(StandardCharsets.UTF_8), List.copyOf(headers.entrySet()));
	}

	public Answer withHeader(String name, String value) {
		List<Map.Entry<String, String>> more = new ArrayList<>(this.headers);
		more.add(Map.entry(name, value));
		return new Answer(this.status, this.body, more);
	}

	boolean hasHeader(String name) {
		return this.headers.stream().anyMatch((header) -> header.getKey().equalsIgnoreCase(name));
	}

}
