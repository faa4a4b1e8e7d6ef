package se.scbdelivery.delivery.gdb;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import org.springframework.batch.core.job.JobExecution;
import org.springframework.batch.core.scope.context.ChunkContext;
import org.springframework.batch.core.step.StepContribution;
import org.springframework.batch.core.step.tasklet.Tasklet;
import org.springframework.batch.infrastructure.repeat.RepeatStatus;

import se.scbdelivery.delivery.journal.DeliveryJournals;
import se.scbdelivery.scb.gdb.GdbClient;
import se.scbdelivery.scb.gdb.GdbSession;

/**
 * {@code GET heartbeat}: opens this execution's session, whose cookies go with every
 * fragment and poll. Not needed once SCB's verdict is recorded (a restart that only
 * writes the report, or one that takes a Systemfel verdict before the poll step asks for
 * the re-upload, whose own heartbeat follows).
 */
class GdbHeartbeatTasklet implements Tasklet {

	private static final Logger logger = LoggerFactory.getLogger(GdbHeartbeatTasklet.class);

	private final GdbClient gdb;

	private final GdbSessions sessions;

	private final DeliveryJournals journals;

	GdbHeartbeatTasklet(GdbClient gdb, GdbSessions sessions, DeliveryJournals journals) {
		this.gdb = gdb;
		this.sessions = sessions;
		this.journals = journals;
	}

	@Override
	public RepeatStatus execute(StepContribution contribution, ChunkContext chunkContext) {
		JobExecution execution = chunkContext.getStepContext().getStepExecution().getJobExecution();
		if (this.journals.read(execution).verdict() != null && !GdbAwaitProcessingTasklet.resubmitAsked(execution)) {
			logger.info("SCB's verdict is recorded: no session needed");
			return RepeatStatus.FINISHED;
		}
		GdbSession session = this.gdb.heartbeat();
		this.sessions.put(execution.getId(), session);
		logger.info("Heartbeat answered (server time {}), session cookies {}", session.serverTime(), session.cookies());
		return RepeatStatus.FINISHED;
	}

}
