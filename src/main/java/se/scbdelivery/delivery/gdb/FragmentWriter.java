package se.scbdelivery.delivery.gdb;

import java.nio.file.Path;
import java.time.Clock;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import org.springframework.batch.core.job.JobExecution;
import org.springframework.batch.infrastructure.item.Chunk;
import org.springframework.batch.infrastructure.item.ItemWriter;

import se.scbdelivery.delivery.DeliveryJobParameters;
import se.scbdelivery.delivery.journal.DeliveryJournals;
import se.scbdelivery.delivery.journal.GdbReceipt;
import se.scbdelivery.delivery.journal.JournalEntry;
import se.scbdelivery.delivery.journal.UploadAttempt;
import se.scbdelivery.delivery.launch.HeldLeases;
import se.scbdelivery.scb.gdb.DeliveryReceipt;
import se.scbdelivery.scb.gdb.GdbClient;
import se.scbdelivery.scb.gdb.UploadTarget;
import se.scbdelivery.scb.http.ScbRefusedException;

/**
 * POSTs each fragment in this execution's heartbeat session; for the completion, saves
 * SCB's DeliveryId in the journal in the same transaction that commits the chunk.
 * <p>
 * When a resumed upload's first fragment is refused (any 4xx but a plain 400 validation
 * answer), SCB no longer knows the partial upload in the new session: the file is sent
 * over from fragment 0 in this session, and the journal says so. The same holds for a
 * refused completion: its earlier answer may have been lost after SCB registered the
 * file, so the journal warns of a possible duplicate. The file is started over at most
 * once per step execution. One instance per step execution.
 */
class FragmentWriter implements ItemWriter<Fragment> {

	private static final Logger logger = LoggerFactory.getLogger(FragmentWriter.class);

	private final GdbClient gdb;

	private final GdbSessions sessions;

	private final DeliveryJournals journals;

	private final JobExecution execution;

	private final FragmentPlan plan;

	private final Path file;

	private final UploadTarget target;

	private final Clock clock;

	private final GdbUploadedContentCheck contentCheck;

	private final HeldLeases leases;

	private boolean firstWrite = true;

	private boolean startedOver;

	FragmentWriter(GdbClient gdb, GdbSessions sessions, DeliveryJournals journals, JobExecution execution,
			FragmentPlan plan, Path file, UploadTarget target, Clock clock, HeldLeases leases) {
		this.contentCheck = new GdbUploadedContentCheck(file,
				DeliveryJobParameters.fingerprint(execution.getJobParameters()));
		this.gdb = gdb;
		this.sessions = sessions;
		this.journals = journals;
		this.execution = execution;
		this.plan = plan;
		this.file = file;
		this.target = target;
		this.clock = clock;
		this.leases = leases;
	}

	@Override
	public void write(Chunk<? extends Fragment> chunk) {
		for (Fragment fragment : chunk) {
			boolean resumed = this.firstWrite && position(fragment) > 0;
			this.firstWrite = false;
			try {
				send(fragment);
			}
			catch (ScbRefusedException ex) {
				if (ex.status() == 400 || this.startedOver || !(resumed || fragment.isCompletion())) {
					throw ex;
				}
				startOver(fragment, ex);
			}
		}
	}

	private void startOver(Fragment refused, ScbRefusedException refusal) {
		this.startedOver = true;
		String message = "SCB refused to continue the partial upload at fragment " + refused.index()
				+ " in the new session (HTTP " + refusal.status() + "): sending the file again from fragment 0"
				+ (refused.isCompletion() ? "; if SCB received an earlier completion whose answer was lost, it may"
						+ " now hold this file twice: check Indataportalen" : "");
		logger.warn(message);
		this.journals.note(this.execution, JournalEntry.Kind.WARNING, message, refusal.body());
		this.journals.update(this.execution, (journal) -> journal.withCurrentAttempt(UploadAttempt::startingOver));
		for (int position = 0; position < position(refused); position++) {
			send(this.plan.at(position));
		}
		send(refused);
	}

	private void send(Fragment fragment) {
		// another process may have taken the delivery over while this one stalled
		this.leases.confirm(this.execution);
		if (fragment.isCompletion()) {
			// the fragments SCB holds must all come from the file the delivery began
			// with: a file
			// rewritten during the upload would be assembled from two versions
			this.contentCheck.verify();
			DeliveryReceipt receipt = this.gdb.complete(this.sessions.get(this.execution.getId()), this.target);
			this.journals.update(this.execution, (journal) -> journal.withCurrentAttempt((attempt) -> attempt
				.uploaded(new GdbReceipt(receipt.deliveryId().value(), receipt.timeStamp()), this.clock.instant())));
			logger.info("Upload of {} completed: DeliveryId {}", this.target.fileName(), receipt.deliveryId());
		}
		else {
			this.gdb.uploadFragment(this.sessions.get(this.execution.getId()), this.target, fragment.index(), this.file,
					fragment.offset(), fragment.length());
			this.contentCheck.coverUpTo(fragment.offset() + fragment.length());
			logger.info("Fragment {}/{} of {} acknowledged ({} bytes)", fragment.index(), this.plan.count() - 1,
					this.target.fileName(), fragment.length());
		}
	}

	private int position(Fragment fragment) {
		return fragment.isCompletion() ? this.plan.count() : fragment.index();
	}

}
