package se.scbdelivery.delivery;

import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

import org.springframework.stereotype.Component;

import se.scbdelivery.scb.gdb.GdbSession;

/**
 * The heartbeat session of each running execution in this process. In memory on purpose:
 * cookies are session tokens, they never go to the job repository, and every start or
 * restart begins with a fresh heartbeat anyway.
 */
@Component
class GdbSessions {

	private final Map<Long, GdbSession> sessions = new ConcurrentHashMap<>();

	void put(long executionId, GdbSession session) {
		this.sessions.put(executionId, session);
	}

	GdbSession get(long executionId) {
		GdbSession session = this.sessions.get(executionId);
		if (session == null) {
			throw new IllegalStateException("execution " + executionId + " has no heartbeat session");
		}
		return session;
	}

	void end(long executionId) {
		this.sessions.remove(executionId);
	}

}
