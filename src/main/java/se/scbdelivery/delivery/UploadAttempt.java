package se.scbdelivery.delivery;

import java.time.Instant;

import org.jspecify.annotations.Nullable;

/**
 * One complete upload of the file: fragments, the completing -1, SCB's DeliveryId, and what
 * SCB finally said about it. A delivery has more than one only when SCB answered
 * {@code Systemfel} ("upload again").
 */
public record UploadAttempt(int number, long startedInExecution, Instant startedAt, @Nullable String deliveryId,
		@Nullable String receiptTimeStamp, @Nullable Instant uploadedAt, int polls, @Nullable String finalStatus,
		@Nullable Integer finalProgressStatus, @Nullable Long finishedInExecution, @Nullable Instant finishedAt,
		boolean startedOver) {

	static UploadAttempt begin(int number, long executionId, Instant now) {
		return new UploadAttempt(number, executionId, now, null, null, null, 0, null, null, null, null, false);
	}

	UploadAttempt uploaded(String deliveryId, @Nullable String receiptTimeStamp, Instant now) {
		return new UploadAttempt(this.number, this.startedInExecution, this.startedAt, deliveryId, receiptTimeStamp,
				now, this.polls, this.finalStatus, this.finalProgressStatus, this.finishedInExecution,
				this.finishedAt, this.startedOver);
	}

	UploadAttempt polled() {
		return new UploadAttempt(this.number, this.startedInExecution, this.startedAt, this.deliveryId,
				this.receiptTimeStamp, this.uploadedAt, this.polls + 1, this.finalStatus, this.finalProgressStatus,
				this.finishedInExecution, this.finishedAt, this.startedOver);
	}

	UploadAttempt finished(String status, int progressStatus, long executionId, Instant now) {
		return new UploadAttempt(this.number, this.startedInExecution, this.startedAt, this.deliveryId,
				this.receiptTimeStamp, this.uploadedAt, this.polls, status, progressStatus, executionId, now,
				this.startedOver);
	}

	UploadAttempt startingOver() {
		return new UploadAttempt(this.number, this.startedInExecution, this.startedAt, this.deliveryId,
				this.receiptTimeStamp, this.uploadedAt, this.polls, this.finalStatus, this.finalProgressStatus,
				this.finishedInExecution, this.finishedAt, true);
	}

	boolean isUploaded() {
		return this.deliveryId != null;
	}

	boolean isFinished() {
		return this.finalStatus != null;
	}

}
