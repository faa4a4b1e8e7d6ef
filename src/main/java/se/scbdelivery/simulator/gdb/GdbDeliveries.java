package se.scbdelivery.simulator.gdb;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;

import org.jspecify.annotations.Nullable;

import se.scbdelivery.scb.gdb.DeliveryId;
import se.scbdelivery.scb.gdb.UploadTarget;
import se.scbdelivery.simulator.server.Channel;
import se.scbdelivery.simulator.server.ReceivedFile;
import se.scbdelivery.simulator.server.UploadEvent;
import se.scbdelivery.simulator.server.UploadLog;

/**
 * Completed uploads and their history: each answers {@code Bearbetar} for the first
 * {@code pollsBeforeFinal} polls and until its processing time has passed since it was
 * stored, then its final status.
 */
final class GdbDeliveries {

	private static final DateTimeFormatter SUBMISSION_DATE = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm:ss")
		.withZone(ZoneId.of("Europe/Stockholm"));

	private final int pollsBeforeFinal;

	private final Duration processing;

	private final Clock clock;

	private final UploadLog log;

	private final List<StoredDelivery> stored = new ArrayList<>();

	private final Map<String, Integer> polls = new HashMap<>();

	/** DeliveryId → when its processing is over. */
	private final Map<String, Instant> processed = new HashMap<>();

	/** The DeliveryIds whose final status has been answered. */
	private final Set<String> finalAnswered = new HashSet<>();

	/**
	 * @param processing how long each delivery is processed, unless {@link #store} is
	 * told otherwise
	 */
	GdbDeliveries(int pollsBeforeFinal, Duration processing, Clock clock, UploadLog log) {
		this.pollsBeforeFinal = pollsBeforeFinal;
		this.processing = processing;
		this.clock = clock;
		this.log = log;
	}

	/**
	 * Stores an assembled upload, taking over its file.
	 * @param processing how long SCB processes it, or {@code null} for the usual time
	 */
	synchronized StoredDelivery store(UploadTarget target, ReceivedFile assembled, GdbFinalStatus status,
			@Nullable Duration processing) {
		StoredDelivery delivery = new StoredDelivery(new DeliveryId(UUID.randomUUID().toString()), target, assembled,
				status.text(), status.progressStatus(), status.fileWasUploaded(), this.clock.instant());
		this.stored.add(delivery);
		this.processed.put(delivery.deliveryId().value(),
				delivery.submittedAt().plus((processing != null) ? processing : this.processing));
		this.log.event(Channel.GDB, delivery.deliveryId().value(), UploadEvent.Kind.COMPLETED);
		return delivery;
	}

	/**
	 * The history entry SCB would answer now; counts as one poll. {@code null} for an
	 * unknown id.
	 */
	synchronized @Nullable Map<String, Object> poll(String deliveryId) {
		StoredDelivery delivery = find(deliveryId);
		if (delivery == null) {
			return null;
		}
		String id = delivery.deliveryId().value();
		int poll = this.polls.merge(id, 1, Integer::sum);
		boolean processing = poll <= this.pollsBeforeFinal || this.clock.instant().isBefore(this.processed.get(id));
		GdbFinalStatus status = processing ? GdbFinalStatus.of(GdbFinalStatus.PROCESSING, null)
				: new GdbFinalStatus(delivery.status(), delivery.progressStatus(), delivery.fileWasUploaded());
		if (!processing && this.finalAnswered.add(id)) {
			this.log.event(Channel.GDB, id, UploadEvent.Kind.FINAL_STATUS_ANSWERED);
		}
		Map<String, Object> entry = new LinkedHashMap<>();
		entry.put("Id", delivery.deliveryId().value());
		entry.put("ProgressStatus", status.progressStatus());
		entry.put("SubmissionDate", SUBMISSION_DATE.format(delivery.submittedAt()));
		entry.put("Status", status.text());
		entry.put("FileWasUploaded", status.fileWasUploaded());
		return entry;
	}

	synchronized List<StoredDelivery> all() {
		return List.copyOf(this.stored);
	}

	/** Forgets every delivery, deleting the temporary files of large ones. */
	synchronized void clear() {
		deleteFiles();
		this.stored.clear();
		this.polls.clear();
		this.processed.clear();
		this.finalAnswered.clear();
	}

	/** Deletes the temporary files of large deliveries, keeping what was recorded. */
	synchronized void deleteFiles() {
		this.stored.forEach((delivery) -> delivery.file().delete());
	}

	private @Nullable StoredDelivery find(String deliveryId) {
		return this.stored.stream()
			.filter((delivery) -> delivery.deliveryId().value().equalsIgnoreCase(deliveryId))
			.findFirst()
			.orElse(null);
	}

}
