package se.scbdelivery.simulator.gdb;

import java.security.SecureRandom;
import java.util.HexFormat;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

import org.jspecify.annotations.Nullable;

/** The heartbeat sessions: each heartbeat opens one, identified by its two cookies. */
final class GdbSessions {

	static final String SESSION_COOKIE = "JSESSIONID";

	static final String BALANCER_COOKIE = "BIGipServerm2m";

	private final SecureRandom random = new SecureRandom();

	/** JSESSIONID → BIGipServerm2m */
	private final Map<String, String> open = new ConcurrentHashMap<>();

	/** Opens a session; the two values are the cookies to set. */
	Session open() {
		Session session = new Session(token(), token());
		this.open.put(session.id(), session.balancer());
		return session;
	}

	/**
	 * @return the session id when both cookies are present and belong to one heartbeat
	 * session, else {@code null}
	 */
	@Nullable String resolve(@Nullable String sessionCookie, @Nullable String balancerCookie) {
		if (sessionCookie == null || balancerCookie == null) {
			return null;
		}
		return balancerCookie.equals(this.open.get(sessionCookie)) ? sessionCookie : null;
	}

	private String token() {
		byte[] bytes = new byte[16];
		this.random.nextBytes(bytes);
		return HexFormat.of().withUpperCase().formatHex(bytes);
	}

	record Session(String id, String balancer) {

		@Override
		public String toString() {
			return "Session[<hidden>]";
		}

	}

}
