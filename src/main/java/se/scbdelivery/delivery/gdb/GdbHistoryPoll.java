package se.scbdelivery.delivery.gdb;

import java.time.Clock;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import org.springframework.batch.core.job.JobExecution;
import org.springframework.stereotype.Component;

import se.scbdelivery.delivery.Channel;
import se.scbdelivery.delivery.journal.DeliveryJournals;
import se.scbdelivery.delivery.journal.GdbAnswer;
import se.scbdelivery.delivery.journal.GdbVerdict;
import se.scbdelivery.delivery.journal.UploadAttempt;
import se.scbdelivery.delivery.launch.HeldLeases;
import se.scbdelivery.delivery.waiting.StatusCheck;
import se.scbdelivery.scb.gdb.DeliveryId;
import se.scbdelivery.scb.gdb.GdbClient;
import se.scbdelivery.scb.gdb.GdbSession;
import se.scbdelivery.scb.gdb.GdbStatus;
import se.scbdelivery.scb.gdb.HistoryEntry;

/**
 * One {@code GET history/{deliveryId}} for a delivery's current upload attempt, its
 * answer kept in the journal; a final status ends the attempt with SCB's verdict. Asked
 * with the execution's heartbeat session, by the poll step and by the follower of waiting
 * deliveries alike (a waiting execution keeps its session until the follower lets go).
 * Each poll first confirms the delivery's lease: one this process lost is never polled.
 */
@Component
class GdbHistoryPoll implements StatusCheck {

	private static final Logger logger = LoggerFactory.getLogger(GdbHistoryPoll.class);

	private final GdbClient gdb;

	private final GdbSessions sessions;

	private final DeliveryJournals journals;

	private final Clock clock;

	private final HeldLeases leases;

	GdbHistoryPoll(GdbClient gdb, GdbSessions sessions, DeliveryJournals journals, Clock clock, HeldLeases leases) {
		this.gdb = gdb;
		this.sessions = sessions;
		this.journals = journals;
		this.clock = clock;
		this.leases = leases;
	}

	@Override
	public Channel channel() {
		return Channel.GDB;
	}

	@Override
	public boolean poll(JobExecution execution) {
		return poll(execution, this.sessions.get(execution.getId()));
	}

	@Override
	public void letGo(JobExecution execution) {
		this.sessions.end(execution.getId());
	}

	/**
	 * @return whether SCB's status was final (then the attempt's verdict is recorded)
	 */
	boolean poll(JobExecution execution, GdbSession session) {
		String deliveryId = deliveryId(execution);
		this.leases.confirm(execution);
		HistoryEntry entry = this.gdb.history(session, new DeliveryId(deliveryId));
		GdbStatus status = entry.gdbStatus();
		logger.info("DeliveryId {}: Status '{}', ProgressStatus {}, FileWasUploaded {}", deliveryId, entry.status(),
				entry.progressStatus(), entry.fileWasUploaded());
		if (!status.isFinal()) {
			this.journals.update(execution, (journal) -> journal.withLastAnswer(new GdbAnswer(entry))
				.withCurrentAttempt(UploadAttempt::polled));
			return false;
		}
		GdbVerdict verdict = new GdbVerdict(entry.status(), entry.progressStatus());
		this.journals.update(execution, (journal) -> journal.withLastAnswer(new GdbAnswer(entry))
			.withCurrentAttempt((a) -> a.polled().ended(verdict, execution.getId(), this.clock.instant())));
		return true;
	}

	/** The DeliveryId of the current attempt. */
	String deliveryId(JobExecution execution) {
		UploadAttempt attempt = this.journals.read(execution).currentAttempt();
		String deliveryId = (attempt != null) ? attempt.deliveryId() : null;
		if (deliveryId == null) {
			throw new IllegalStateException("execution " + execution.getId() + " has no DeliveryId to follow");
		}
		return deliveryId;
	}

}
