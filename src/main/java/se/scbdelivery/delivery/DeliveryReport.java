package se.scbdelivery.delivery;

import java.time.Duration;
import java.time.Instant;
import java.util.List;

import org.jspecify.annotations.Nullable;

import se.scbdelivery.scb.gdb.HistoryEntry;

/**
 * Everything a reporter needs to know about one delivery, as written to
 * {@code scb.report.dir} and summarised on stdout: the file, its metadata, SCB's answers,
 * every attempt and event, and what to do next.
 */
public record DeliveryReport(long execution, long instance, String jobStatus, DeliveryOutcome outcome, int exitCode,
		String environment, String file, String fileName, String sha256, long size, String organisation,
		String program, String referencePeriod, String fileFormat, @Nullable String version, int fragments,
		int fragmentSize, @Nullable String deliveryId, @Nullable HistoryEntry scbStatus, String whatToDo,
		@Nullable String failure, @Nullable Instant startedAt, @Nullable Instant endedAt, @Nullable Duration took,
		List<UploadAttempt> attempts, List<JournalEntry> events) {

}
