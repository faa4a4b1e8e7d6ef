package se.scbdelivery.delivery.generic;

import java.time.Clock;

import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import org.springframework.batch.core.job.JobExecution;
import org.springframework.batch.core.scope.context.ChunkContext;
import org.springframework.batch.core.step.StepContribution;
import org.springframework.batch.core.step.tasklet.Tasklet;
import org.springframework.batch.infrastructure.repeat.RepeatStatus;

import se.scbdelivery.delivery.DeliveryJobParameters;
import se.scbdelivery.delivery.GenericDeliveryRequest;
import se.scbdelivery.delivery.journal.DeliveryJournals;
import se.scbdelivery.delivery.journal.GenericReceipt;
import se.scbdelivery.delivery.journal.JournalEntry;
import se.scbdelivery.delivery.journal.UploadAttempt;
import se.scbdelivery.delivery.launch.HeldLeases;
import se.scbdelivery.scb.generic.GenericDeliveryClient;
import se.scbdelivery.scb.generic.Ticket;
import se.scbdelivery.scb.http.ScbRefusedException;

/**
 * {@code POST api/v1/delivery}, at most once per attempt, with the ticket saved the
 * moment it arrives. Every POST makes a new ticket at SCB, so the attempt is committed to
 * the journal before the POST is sent (a first call that returns CONTINUABLE): a later
 * execution that finds an attempt without a ticket knows the POST may have reached SCB
 * and says so when it sends the file again. An attempt with a ticket is never posted
 * again. The POST goes only under a confirmed lease: were the delivery taken over while
 * this process stalled, a POST would be a second ticket for the same file. One instance
 * per step execution.
 */
class GenericSubmitTasklet implements Tasklet {

	private static final Logger logger = LoggerFactory.getLogger(GenericSubmitTasklet.class);

	private final GenericDeliveryClient generic;

	private final DeliveryJournals journals;

	private final Clock clock;

	private final HeldLeases leases;

	private boolean attemptCommitted;

	GenericSubmitTasklet(GenericDeliveryClient generic, DeliveryJournals journals, Clock clock, HeldLeases leases) {
		this.generic = generic;
		this.journals = journals;
		this.clock = clock;
		this.leases = leases;
	}

	@Override
	public RepeatStatus execute(StepContribution contribution, ChunkContext chunkContext) {
		JobExecution execution = chunkContext.getStepContext().getStepExecution().getJobExecution();
		UploadAttempt current = this.journals.read(execution).currentAttempt();
		if (current != null && current.ticket() != null && !current.isFinished()) {
			logger.info("Ticket {} was saved before: following it, not posting again", current.ticket());
			return RepeatStatus.FINISHED;
		}
		if (!this.attemptCommitted) {
			beginAttempt(execution, current);
			this.attemptCommitted = true;
			return RepeatStatus.CONTINUABLE;
		}
		GenericDeliveryRequest request = DeliveryJobParameters.genericRequest(execution.getJobParameters());
		this.leases.confirm(execution);
		try {
			Ticket ticket = this.generic.submit(request.submission(), request.file());
			this.journals.update(execution, (journal) -> journal.withCurrentAttempt(
					(attempt) -> attempt.uploaded(new GenericReceipt(ticket.value()), this.clock.instant())));
			logger.info("{} received by SCB's generic service: ticket {}", request.fileName(), ticket);
			return RepeatStatus.FINISHED;
		}
		catch (ScbRefusedException ex) {
			this.journals.update(execution, (journal) -> journal.withCurrentAttempt(
					(attempt) -> attempt.refused(ex.status(), execution.getId(), this.clock.instant())));
			throw ex;
		}
	}

	private void beginAttempt(JobExecution execution, @Nullable UploadAttempt current) {
		if (current != null && !current.isFinished()) {
			String message = "The POST of attempt " + current.number() + " (started " + current.startedAt()
					+ ") got no ticket back: SCB may have received it, so it may hold this file twice after this"
					+ " re-send; check the delivery with SCB";
			logger.warn(message);
			this.journals.note(execution, JournalEntry.Kind.WARNING, message, null);
			this.journals.update(execution, (journal) -> journal
				.withCurrentAttempt((attempt) -> attempt.unanswered(execution.getId(), this.clock.instant())));
		}
		int number = this.journals.read(execution).attempts().size() + 1;
		this.journals.update(execution, (journal) -> journal
			.withNewAttempt(UploadAttempt.begin(number, execution.getId(), this.clock.instant())));
	}

}
