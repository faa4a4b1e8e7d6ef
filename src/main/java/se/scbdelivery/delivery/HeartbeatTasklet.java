package se.scbdelivery.delivery;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import org.springframework.batch.core.job.JobExecution;
import org.springframework.batch.core.scope.context.ChunkContext;
import org.springframework.batch.core.step.StepContribution;
import org.springframework.batch.core.step.tasklet.Tasklet;
import org.springframework.batch.infrastructure.repeat.RepeatStatus;

import se.scbdelivery.scb.gdb.GdbClient;
import se.scbdelivery.scb.gdb.GdbSession;

/** {@code GET heartbeat}: opens this execution's session, whose cookies go with every fragment. */
class HeartbeatTasklet implements Tasklet {

	private static final Logger logger = LoggerFactory.getLogger(HeartbeatTasklet.class);

	private final GdbClient gdb;

	private final GdbSessions sessions;

	HeartbeatTasklet(GdbClient gdb, GdbSessions sessions) {
		this.gdb = gdb;
		this.sessions = sessions;
	}

	@Override
	public RepeatStatus execute(StepContribution contribution, ChunkContext chunkContext) {
		JobExecution execution = chunkContext.getStepContext().getStepExecution().getJobExecution();
		GdbSession session = this.gdb.heartbeat();
		this.sessions.put(execution.getId(), session);
		logger.info("Heartbeat answered (server time {}), session cookies {}", session.serverTime(),
				session.cookies());
		return RepeatStatus.FINISHED;
	}

}
