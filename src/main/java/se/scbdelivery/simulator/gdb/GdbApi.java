package se.scbdelivery.simulator.gdb;

import java.nio.file.Path;
import java.time.Clock;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Objects;

import org.jspecify.annotations.Nullable;

import se.scbdelivery.scb.gdb.UploadTarget;
import se.scbdelivery.simulator.gdb.GdbMultipartForm.FilePart;
import se.scbdelivery.simulator.server.Answer;
import se.scbdelivery.simulator.server.Channel;
import se.scbdelivery.simulator.server.Faults;
import se.scbdelivery.simulator.server.ReceivedFile;
import se.scbdelivery.simulator.server.TemporaryFiles;

/**
 * What SCB's GDB API answers (PROTOCOL.md §1), without HTTP plumbing or faults:
 * heartbeat, fragment upload and completion, history. Thread-safe.
 */
final class GdbApi {

	private static final DateTimeFormatter TIME_STAMP = DateTimeFormatter.ofPattern("yyyy-MM-dd'T'HH:mm:ss.SSS'Z'")
		.withZone(ZoneOffset.UTC);

	private final int maxFragmentSize;

	private final GdbSessions sessions;

	private final GdbPartialUploads uploads;

	private final GdbDeliveries deliveries;

	private final Faults faults;

	private final GdbObservations observations;

	private final Clock clock;

	/**
	 * One {@code POST file/...} as received.
	 *
	 * @param sessionId the heartbeat session, or {@code null} without valid cookies
	 * @param part the {@code File} part, or {@code null} when the body had none
	 * @param formProblem why the body had no usable part, when it had none
	 * @param tooLarge whether the body was over the limit, so it was not kept
	 */
	record Upload(FragmentPath path, @Nullable String sessionId, @Nullable FilePart part, @Nullable String formProblem,
			boolean tooLarge) {

	}

	/**
	 * @param observations told when a file's upload is in flight
	 */
	GdbApi(int maxFragmentSize, GdbSessions sessions, GdbPartialUploads uploads, GdbDeliveries deliveries,
			Faults faults, GdbObservations observations, Clock clock) {
		this.maxFragmentSize = maxFragmentSize;
		this.sessions = sessions;
		this.uploads = uploads;
		this.deliveries = deliveries;
		this.faults = faults;
		this.observations = observations;
		this.clock = clock;
	}

	/** A new session: the time as a JSON string, and the session's two cookies. */
	Answer heartbeat() {
		GdbSessions.Session session = this.sessions.open();
		this.observations.sessionOpened(session.id());
		return Answer.json(200, now())
			.withHeader("Set-Cookie", GdbSessions.SESSION_COOKIE + "=" + session.id() + "; Path=/; HttpOnly")
			.withHeader("Set-Cookie", GdbSessions.BALANCER_COOKIE + "=" + session.balancer() + "; Path=/");
	}

	Answer upload(Upload upload) {
		if (upload.sessionId() == null) {
			return Answer.message(401, "no heartbeat session: send the " + GdbSessions.SESSION_COOKIE + " and "
					+ GdbSessions.BALANCER_COOKIE + " cookies that GET heartbeat set");
		}
		if (upload.tooLarge()) {
			return Answer.message(413,
					"the request body is larger than a fragment of " + this.maxFragmentSize + " bytes can make it");
		}
		if (upload.part() == null) {
			return Answer.message(400, String.valueOf(upload.formProblem()));
		}
		UploadTarget target;
		try {
			target = upload.path().target();
		}
		catch (IllegalArgumentException ex) {
			return Answer.message(400, Objects.requireNonNullElse(ex.getMessage(), ex.toString()));
		}
		int index = upload.path().index();
		if (index == FragmentPath.COMPLETION) {
			return complete(target, upload.sessionId(), upload.part());
		}
		if (upload.part().content().length > this.maxFragmentSize) {
			return Answer.message(413, "fragment " + index + " has " + upload.part().content().length
					+ " bytes; the largest fragment is " + this.maxFragmentSize + " bytes");
		}
		try {
			this.uploads.put(target, upload.sessionId(), index, upload.part().content());
		}
		catch (GdbPartialUploads.OutOfOrderException ex) {
			return Answer.message(409, Objects.requireNonNullElse(ex.getMessage(), ex.toString()));
		}
		this.observations.uploading(target, upload.sessionId());
		Map<String, Object> body = new LinkedHashMap<>();
		body.put("Fragment", index);
		body.put("TimeStamp", now());
		return Answer.json(200, body);
	}

	Answer history(String deliveryId) {
		Map<String, Object> entry = this.deliveries.poll(deliveryId);
		if (entry == null) {
			return Answer.message(404, "no delivery has DeliveryId '" + deliveryId + "'");
		}
		return Answer.json(200, entry);
	}

	private Answer complete(UploadTarget target, String sessionId, FilePart part) {
		if (part.content().length > 0) {
			return Answer.message(400, "the completing fragment -1 has " + part.content().length
					+ " bytes but must be empty; send the data as fragments 0, 1, ...");
		}
		Path file = this.uploads.take(target, sessionId);
		if (file == null) {
			// like a fragment k > 0 without an upload in progress: the upload is unknown
			// here, not the file bad
			return Answer.message(409, "nothing to complete: no fragments of this file have arrived in this session; "
					+ "send fragments 0, 1, ... before -1");
		}
		this.observations.uploadCompleted(target);
		GdbXmlCheck.Steering steering;
		try {
			steering = GdbXmlCheck.check(file);
		}
		catch (GdbXmlCheck.NotWellFormedException ex) {
			TemporaryFiles.delete(file);
			return Answer.message(400,
					"the file is not well-formed XML: " + Objects.requireNonNullElse(ex.getMessage(), ex.toString()));
		}
		String imposed = this.faults.takeFinalStatus();
		GdbFinalStatus status = (imposed != null) ? GdbFinalStatus.of(imposed, null) : GdbFinalStatus
			.of((steering.outcome() != null) ? steering.outcome() : GdbFinalStatus.LOADED, steering.progress());
		StoredDelivery delivery = this.deliveries.store(target, ReceivedFile.takeOver(file), status,
				this.faults.takeProcessing(Channel.GDB));
		Map<String, Object> body = new LinkedHashMap<>();
		body.put("DeliveryId", delivery.deliveryId().value());
		body.put("TimeStamp", TIME_STAMP.format(delivery.submittedAt()));
		return Answer.json(200, body);
	}

	private String now() {
		return TIME_STAMP.format(this.clock.instant());
	}

}
