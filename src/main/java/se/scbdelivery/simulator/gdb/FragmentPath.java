package se.scbdelivery.simulator.gdb;

import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.List;

import org.jspecify.annotations.Nullable;

import se.scbdelivery.scb.OrganisationNumber;
import se.scbdelivery.scb.StatisticalProgram;
import se.scbdelivery.scb.gdb.UploadTarget;

/**
 * The decoded segments of
 * {@code file/{fragment}/{org}/{program}/{period}/{format}/{fileName}/{version?}}, not
 * yet validated. Like SCB's optional route parameter, the version may be empty
 * ({@code .../{fileName}/}) or left out with its slash ({@code .../{fileName}}); both
 * mean none.
 *
 * @param version {@code null} when there is none
 */
record FragmentPath(int index, String organisation, String program, String period, String format, String fileName,
		@Nullable String version) {

	/**
	 * {@code fragment} for the data fragments 0, 1, ..., {@code -1} for the completing
	 * one.
	 */
	static final int COMPLETION = -1;

	/**
	 * @param segments the segments below the base path
	 * @return {@code null} when the segments are not a {@code file/...} path
	 * @throws IllegalArgumentException when the fragment segment is not -1 or more
	 */
	static @Nullable FragmentPath of(List<String> segments) {
		if (segments.size() < 7 || segments.size() > 8 || !segments.get(0).equals("file")) {
			return null;
		}
		String version = (segments.size() == 8 && !segments.get(7).isEmpty()) ? segments.get(7) : null;
		return new FragmentPath(index(segments.get(1)), segments.get(2), segments.get(3), segments.get(4),
				segments.get(5), segments.get(6), version);
	}

	private static int index(String text) {
		try {
			int index = Integer.parseInt(text);
			if (index >= COMPLETION) {
				return index;
			}
		}
		catch (NumberFormatException ex) {
			// answered below, with what is allowed
		}
		throw new IllegalArgumentException(
				"fragment '" + text + "' must be a whole number: 0, 1, ... for data, -1 to complete the upload");
	}

	/**
	 * The target these segments name.
	 * @throws IllegalArgumentException naming the first bad segment and what is allowed
	 */
	UploadTarget target() {
		OrganisationNumber organisationNumber = new OrganisationNumber(this.organisation);
		StatisticalProgram statisticalProgram = program(this.program);
		LocalDate referencePeriod = period(this.period);
		if (this.format.isBlank()) {
			throw new IllegalArgumentException("file format is empty: give one such as V40 or KRITA_MONTHLY");
		}
		if (this.fileName.isBlank()) {
			throw new IllegalArgumentException("file name is empty");
		}
		return new UploadTarget(organisationNumber, statisticalProgram, referencePeriod, this.format, this.version,
				this.fileName);
	}

	private static StatisticalProgram program(String text) {
		for (StatisticalProgram candidate : StatisticalProgram.values()) {
			if (candidate.name().equals(text)) {
				return candidate;
			}
		}
		throw new IllegalArgumentException("statistical program '" + text + "' is not VINN or KRITA");
	}

	private static LocalDate period(String text) {
		try {
			if (text.matches("\\d{4}-\\d{2}-\\d{2}")) {
				return LocalDate.parse(text);
			}
		}
		catch (DateTimeParseException ex) {
			// answered below, with what is allowed
		}
		throw new IllegalArgumentException("reference period '" + text + "' is not a date YYYY-MM-DD");
	}

}
