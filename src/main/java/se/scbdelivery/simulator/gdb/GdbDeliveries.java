package se.scbdelivery.simulator.gdb;

import java.time.Clock;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import org.jspecify.annotations.Nullable;

import se.scbdelivery.scb.gdb.DeliveryId;
import se.scbdelivery.scb.gdb.UploadTarget;
import se.scbdelivery.simulator.server.ReceivedFile;

/**
 * Completed uploads and their history: each answers {@code Bearbetar} for the first
 * {@code pollsBeforeFinal} polls, then its final status.
 */
final class GdbDeliveries {

	private static final DateTimeFormatter SUBMISSION_DATE = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm:ss")
		.withZone(ZoneId.of("Europe/Stockholm"));

	private final int pollsBeforeFinal;

	private final Clock clock;

	private final List<StoredDelivery> stored = new ArrayList<>();

	private final Map<String, Integer> polls = new HashMap<>();

	GdbDeliveries(int pollsBeforeFinal, Clock clock) {
		this.pollsBeforeFinal = pollsBeforeFinal;
		this.clock = clock;
	}

	/** Stores an assembled upload, taking over its file. */
	synchronized StoredDelivery store(UploadTarget target, ReceivedFile assembled, GdbFinalStatus status) {
		StoredDelivery delivery = new StoredDelivery(new DeliveryId(UUID.randomUUID().toString()), target, assembled,
				status.text(), status.progressStatus(), status.fileWasUploaded(), this.clock.instant());
		this.stored.add(delivery);
		return delivery;
	}

	/** The history entry SCB would answer now; counts as one poll. {@code null} for an unknown id. */
	synchronized @Nullable Map<String, Object> poll(String deliveryId) {
		StoredDelivery delivery = find(deliveryId);
		if (delivery == null) {
			return null;
		}
		int poll = this.polls.merge(delivery.deliveryId().value(), 1, Integer::sum);
		GdbFinalStatus status = (poll <= this.pollsBeforeFinal) ? GdbFinalStatus.of(GdbFinalStatus.PROCESSING, null)
				: new GdbFinalStatus(delivery.status(), delivery.progressStatus(), delivery.fileWasUploaded());
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
