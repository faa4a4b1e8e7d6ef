package se.scbdelivery.delivery;

import java.time.Duration;
import java.time.Instant;
import java.util.List;

import org.jspecify.annotations.Nullable;

import se.scbdelivery.scb.gdb.HistoryEntry;
import se.scbdelivery.scb.generic.ValidationResult;

/**
 * Everything a reporter needs to know about one delivery, as written to
 * {@code scb.report.dir} and summarised on stdout: the channel, the file, its metadata, SCB's
 * answers, every attempt and event, and what to do next. GDB fields (program, period,
 * format, version, fragments, DeliveryId, history status) are empty for a delivery through
 * the generic service, and its fields (contract, format name, version id, test, ticket,
 * validation) for one through GDB.
 */
public record DeliveryReport(long execution, long instance, String api, String jobStatus, DeliveryOutcome outcome,
		int exitCode, String environment, String file, String fileName, String sha256, long size,
		@Nullable String organisation, @Nullable String program, @Nullable String referencePeriod,
		@Nullable String fileFormat, @Nullable String version, int fragments, int fragmentSize,
		@Nullable String deliveryId, @Nullable HistoryEntry scbStatus, @Nullable String contract,
		@Nullable String deliveryFormatName, @Nullable String externalVersionId, @Nullable Boolean test,
		@Nullable String ticket, @Nullable ValidationResult validation, String whatToDo, @Nullable String failure,
		@Nullable Instant startedAt, @Nullable Instant endedAt, @Nullable Duration took, List<UploadAttempt> attempts,
		List<JournalEntry> events) {

	public boolean isGeneric() {
		return DeliveryJobParameters.GENERIC.equals(this.api);
	}

}
