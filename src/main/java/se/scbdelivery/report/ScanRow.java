package se.scbdelivery.report;

import org.jspecify.annotations.Nullable;

/**
 * One file of a {@code scan}: what it was taken for, how its delivery ended, and what the
 * operator must do next. For a file whose folders did not parse, only {@code file}, the
 * outcome {@code INVALID_INPUT} and the reason in {@code whatToDo} are set.
 */
public record ScanRow(String file, @Nullable String organisation, @Nullable String program,
		@Nullable String referencePeriod, @Nullable String fileFormat, String outcome, int exitCode,
		@Nullable String scbStatus, @Nullable String reference, @Nullable Long execution, String whatToDo) {

}
