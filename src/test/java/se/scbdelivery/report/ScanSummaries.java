package se.scbdelivery.report;

import java.time.Instant;
import java.util.List;

/** Scan summaries as a month-end scan produces them, for the report tests. */
final class ScanSummaries {

	static final String HOSTILE_FILE = "2026-10/<script>alert(1)</script>.csv";

	static final String AMPERSAND_STATUS = "Ej inläst: kolumn 3 & 4 saknas";

	private ScanSummaries() {
	}

	/**
	 * Twelve files, every outcome, a hostile file name and an SCB text with {@code &} and
	 * åäö.
	 */
	static ScanSummary monthEnd() {
		return new ScanSummary("/srv/scb/inbox", Instant.parse("2026-11-23T17:11:00Z"),
				Instant.parse("2026-11-23T17:24:37Z"), 1,
				List.of(loaded("5560000001", "KLP", "202610", "kommun_5560000001_KLP_202610.csv", "A-1001", 101),
						loaded("5560000019", "KLP", "202610", "kommun_5560000019_KLP_202610.csv", "A-1002", 102),
						loaded("2120000142", "RS", "2026Q3", "region_skåne_räkenskapssammandrag_2026Q3.xml", "A-1003",
								103),
						loaded("2120000159", "RS", "2026Q3", "region_östergötland_2026Q3.xml", "A-1004", 104),
						loaded("5560000027", "KLP", "202610",
								"very_long_file_name_from_an_organisation_that_never_heard_of_short_names_"
										+ "2026_10_final_FINAL_v3.csv",
								"A-1005-0000-0000-0000-000000000000-0000", 105),
						new ScanRow("2120000167/KLP/202610/csv/kommun_5,6.csv", "2120000167", "KLP", "202610", "csv",
								"LOADED_WITH_ERRORS", 4, "Inläst med fel", "A-1006", 106L,
								"Loaded with errors: see the error report in Indataportalen "
										+ "and correct the data there"),
						new ScanRow("5560000035/KLP/202610/csv/ek.csv", "5560000035", "KLP", "202610", "csv",
								"NOT_LOADED", 3, AMPERSAND_STATUS, "A-1007", 107L,
								"Correct the file and deliver a complete file again"),
						new ScanRow("5560000043/FEK/2026/xml/" + HOSTILE_FILE, "5560000043", "FEK", "2026", "xml",
								"REFUSED", 3, "HTTP 400: file format not recognised", null, 108L,
								"SCB refused the file: correct it and deliver it again"),
						new ScanRow("5560000050/KLP/202610/csv/kommun.csv", "5560000050", "KLP", "202610", "csv",
								"FAILED", 1, null, "ticket 7f3c2a9e-1b44-4c1e-9d0a-5b2f8e6c1a77", 109L,
								"Connection to SCB timed out after 30 s; resume with `restart 109`"),
						new ScanRow("misplaced/kommun \"final\", v2\nsecond line.csv", null, null, null, null,
								"INVALID_INPUT", 2, null, null, null,
								"The folders must be {org}/{program}/{period}/{format}; move the file and scan again"),
						new ScanRow("5560000068/KLP/202610/csv/kommun.csv", "5560000068", "KLP", "202610", "csv",
								"STOPPED", 1, null, "A-1011", 111L, "Stopped on request; resume with `restart 111`"),
						loaded("5560000076", "KLP", "202610", "kommun_5560000076_KLP_202610.csv", "A-1012", 112)));
	}

	private static ScanRow loaded(String organisation, String program, String period, String name, String deliveryId,
			long execution) {
		String format = name.substring(name.lastIndexOf('.') + 1);
		return new ScanRow(organisation + "/" + program + "/" + period + "/" + format + "/" + name, organisation,
				program, period, format, "LOADED", 0, "Inläst", deliveryId, execution,
				"Nothing: SCB has loaded the file");
	}

}
