package se.scbdelivery.delivery.generic;

import java.time.Clock;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import org.springframework.batch.core.job.JobExecution;
import org.springframework.stereotype.Component;

import se.scbdelivery.delivery.Channel;
import se.scbdelivery.delivery.journal.DeliveryJournals;
import se.scbdelivery.delivery.journal.GenericAnswer;
import se.scbdelivery.delivery.journal.GenericVerdict;
import se.scbdelivery.delivery.journal.UploadAttempt;
import se.scbdelivery.delivery.launch.HeldLeases;
import se.scbdelivery.delivery.waiting.StatusCheck;
import se.scbdelivery.scb.generic.GenericDeliveryClient;
import se.scbdelivery.scb.generic.ProcessingState;
import se.scbdelivery.scb.generic.Ticket;
import se.scbdelivery.scb.generic.ValidationResult;

/**
 * One look at the status endpoint for a delivery's ticket; once SCB answers 302
 * (processed), {@code GET api/v1/delivery/{ticket}} fetches its whole DeliveryResult
 * (every error with its row errors, and the answer as received) into the journal, and the
 * attempt ends with SCB's verdict. Asked by the poll step and by the follower of waiting
 * deliveries alike. Each call first confirms the delivery's lease: one this process lost
 * is never polled.
 */
@Component
class GenericStatusPoll implements StatusCheck {

	private static final Logger logger = LoggerFactory.getLogger(GenericStatusPoll.class);

	private final GenericDeliveryClient generic;

	private final DeliveryJournals journals;

	private final Clock clock;

	private final HeldLeases leases;

	GenericStatusPoll(GenericDeliveryClient generic, DeliveryJournals journals, Clock clock, HeldLeases leases) {
		this.generic = generic;
		this.journals = journals;
		this.clock = clock;
		this.leases = leases;
	}

	@Override
	public Channel channel() {
		return Channel.GENERIC;
	}

	@Override
	public boolean poll(JobExecution execution) {
		String ticket = ticket(execution);
		this.leases.confirm(execution);
		ProcessingState state = this.generic.status(new Ticket(ticket));
		logger.info("Ticket {}: {}", ticket, state);
		if (state != ProcessingState.PROCESSED) {
			this.journals.update(execution, (journal) -> journal.withCurrentAttempt(UploadAttempt::polled));
			return false;
		}
		this.leases.confirm(execution);
		ValidationResult result = this.generic.result(new Ticket(ticket));
		this.journals.update(execution, (journal) -> journal.withLastAnswer(new GenericAnswer(result))
			.withCurrentAttempt((attempt) -> attempt.polled()
				.ended(new GenericVerdict(result.successfulValidation()), execution.getId(), this.clock.instant())));
		logger.info("Ticket {}: successfulValidation {}, {} errors", ticket, result.successfulValidation(),
				result.errors().size());
		return true;
	}

	/** The ticket of the current attempt. */
	String ticket(JobExecution execution) {
		String ticket = this.journals.read(execution).ticket();
		if (ticket == null) {
			throw new IllegalStateException("execution " + execution.getId() + " has no ticket to follow");
		}
		return ticket;
	}

}
