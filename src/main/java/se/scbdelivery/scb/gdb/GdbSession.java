package se.scbdelivery.scb.gdb;

import java.util.List;

import org.jspecify.annotations.Nullable;

/**
 * What one heartbeat established: the cookies its answer set, which must go with every
 * fragment of the file that follows (SCB's load balancer and session are tied to them). A
 * session belongs to one delivery attempt in one process; it is never persisted.
 */
public record GdbSession(List<SessionCookie> cookies, @Nullable String serverTime) {

	public GdbSession {
		cookies = List.copyOf(cookies);
	}

}
