package se.scbdelivery.scb;

import java.util.Arrays;
import java.util.Locale;
import java.util.stream.Collectors;

/** The GDB statistical programs SCB takes M2M deliveries for. */
public enum StatisticalProgram {

	/** Securities holdings (Värdepappersinnehav). */
	VINN,

	/** The credit database. */
	KRITA;

	/**
	 * Parses a program name, case-insensitively.
	 * @throws IllegalArgumentException naming the bad value and the allowed ones
	 */
	public static StatisticalProgram parse(String text) {
		if (text != null) {
			for (StatisticalProgram program : values()) {
				if (program.name().equals(text.trim().toUpperCase(Locale.ROOT))) {
					return program;
				}
			}
		}
		throw new IllegalArgumentException("program '" + text + "' is not one of "
				+ Arrays.stream(values()).map(Enum::name).collect(Collectors.joining(", ")));
	}

}
