package se.scbdelivery.scb.gdb;

import java.time.LocalDate;

import org.jspecify.annotations.Nullable;

import se.scbdelivery.scb.OrganisationNumber;
import se.scbdelivery.scb.StatisticalProgram;

/**
 * Where a file's fragments go: the path segments of
 * {@code file/{fragment}/{org}/{program}/{period}/{format}/{fileName}/{version?}}. The
 * version is {@code null} when there is none; the path then ends in {@code {fileName}/}.
 */
public record UploadTarget(OrganisationNumber organisation, StatisticalProgram program, LocalDate referencePeriod,
		String fileFormat, @Nullable String version, String fileName) {

}
