package se.scbdelivery.delivery.gdb;

import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

import org.springframework.batch.core.job.JobExecution;
import org.springframework.batch.core.listener.JobExecutionListener;
import org.springframework.stereotype.Component;

import se.scbdelivery.delivery.outcome.DeliveryOutcome;
import se.scbdelivery.scb.gdb.GdbSession;

/**
 * The heartbeat session of each running GDB execution in this process, ended with the
 * execution, or when the follower lets go of an execution waiting for SCB. In memory on
 * purpose: cookies are session tokens, they never go to the job repository, and every
 * start or restart begins with a fresh heartbeat anyway.
 */
@Component
class GdbSessions implements JobExecutionListener {

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

	/** Ends a session the follower of waiting deliveries no longer needs. */
	void end(long executionId) {
		this.sessions.remove(executionId);
	}

	@Override
	public void afterJob(JobExecution execution) {
		// an execution waiting for SCB keeps its session: the follower polls with it, as
		// the poll step did
		if (!DeliveryOutcome.isWaiting(execution)) {
			this.sessions.remove(execution.getId());
		}
	}

}
