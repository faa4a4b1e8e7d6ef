package se.scbdelivery.delivery.outcome;

import java.time.Duration;
import java.time.Instant;
import java.util.List;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonInclude.Include;
import com.fasterxml.jackson.annotation.JsonUnwrapped;
import org.jspecify.annotations.Nullable;

import se.scbdelivery.delivery.journal.JournalEntry;
import se.scbdelivery.delivery.journal.UploadAttempt;

/**
 * Everything a reporter needs to know about one delivery, as written to
 * {@code scb.report.dir} and summarised on stdout: the file, its outcome, every attempt
 * and event, what to do next, and what belongs to its channel (written in line, beside
 * the rest).
 *
 * @param api the channel's key, {@code gdb} or {@code generic}
 * @param step the step the execution failed, stopped or is running in; none once it
 * completed
 * @param supersededBy the delivery's next execution, when a later one took this one over
 */
public record DeliveryReport(long execution, long instance, String api, String jobStatus, @Nullable String step,
		DeliveryOutcome outcome, int exitCode, @JsonInclude(Include.NON_NULL) @Nullable Long supersededBy,
		String environment, String file, String fileName, String sha256, long size, @Nullable String organisation,
		@JsonUnwrapped ChannelDetails channel, String whatToDo, @Nullable String failure, @Nullable Instant startedAt,
		@Nullable Instant endedAt, @Nullable Duration took, List<UploadAttempt> attempts, List<JournalEntry> events) {

}
