package se.scbdelivery.report;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.stream.Stream;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;
import static org.junit.jupiter.params.provider.Arguments.arguments;

class ScanSummaryCsvTest {

	@Test
	void startsWithAByteOrderMarkSoThatExcelReadsUtf8(@TempDir Path reports) throws Exception {
		byte[] csv = Files.readAllBytes(write(reports));

		assertThat(Arrays.copyOf(csv, 3)).containsExactly(0xEF, 0xBB, 0xBF);
	}

	@Test
	void hasTheHeaderThenOneRecordPerFileNeedingActionFirst(@TempDir Path reports) throws Exception {
		List<List<String>> records = Rfc4180.parse(body(write(reports)));

		assertThat(records.get(0)).containsExactly("file", "organisation", "program", "period", "format", "outcome",
				"exit code", "SCB status", "DeliveryId/ticket", "execution", "what to do next");
		assertThat(records).hasSize(13).allSatisfy((record) -> assertThat(record).hasSize(11));
		assertThat(records.subList(1, 13)).extracting((record) -> record.get(5))
			.containsExactly("FAILED", "INVALID_INPUT", "STOPPED", "NOT_LOADED", "REFUSED", "LOADED_WITH_ERRORS",
					"LOADED", "LOADED", "LOADED", "LOADED", "LOADED", "LOADED");
	}

	@Test
	void keepsEveryFieldWhole(@TempDir Path reports) throws Exception {
		List<List<String>> records = Rfc4180.parse(body(write(reports)));

		assertThat(records).contains(List.of("5560000050/KLP/202610/csv/kommun.csv", "5560000050", "KLP", "202610",
				"csv", "FAILED", "1", "", "ticket 7f3c2a9e-1b44-4c1e-9d0a-5b2f8e6c1a77", "109",
				"Connection to SCB timed out after 30 s; resume with `restart 109`"));
		assertThat(records).contains(List.of("5560000035/KLP/202610/csv/ek.csv", "5560000035", "KLP", "202610", "csv",
				"NOT_LOADED", "3", "Ej inläst: kolumn 3 & 4 saknas", "A-1007", "107",
				"Correct the file and deliver a complete file again"));
	}

	@Test
	void roundTripsAFileNameWithACommaAQuoteAndANewline(@TempDir Path reports) throws Exception {
		String csv = body(write(reports));

		assertThat(csv).contains("\"misplaced/kommun \"\"final\"\", v2\nsecond line.csv\",,,,,INVALID_INPUT,2,");
		assertThat(Rfc4180.parse(csv)).extracting((record) -> record.get(0))
			.contains("misplaced/kommun \"final\", v2\nsecond line.csv", "2120000167/KLP/202610/csv/kommun_5,6.csv");
	}

	/** OWASP's CSV injection characters, tab and carriage return included. */
	static Stream<Arguments> formulaStarts() {
		return Stream.of(arguments('=', "="), arguments('+', "+"), arguments('-', "-"), arguments('@', "@"),
				arguments('\t', "a tab"), arguments('\r', "a carriage return"));
	}

	@ParameterizedTest(name = "a text cell starting with {1}")
	@MethodSource("formulaStarts")
	void aTextCellThatASpreadsheetWouldRunAsAFormulaStartsWithAQuote(char first, String name, @TempDir Path reports)
			throws Exception {
		String file = first + "SUM(1+1)*cmd|' /C calc'!A0.csv";
		String status = first + "HYPERLINK(\"https://example.invalid\",\"Inläst\")";
		ScanRow row = new ScanRow(file, null, null, null, null, "INVALID_INPUT", 2, status, first + "A-1", null,
				first + "move the file");

		List<String> record = Rfc4180.parse(body(write(reports, row))).get(1);

		assertThat(record).containsExactly("'" + file, "", "", "", "", "INVALID_INPUT", "2", "'" + status,
				"'" + first + "A-1", "", "'" + first + "move the file");
	}

	@Test
	void aGuardedCellIsStillQuotedAndItsQuotesDoubled(@TempDir Path reports) throws Exception {
		ScanRow row = new ScanRow("5560000043/FEK/2026/xml/a.xml", "5560000043", "FEK", "2026", "xml", "NOT_LOADED", 3,
				"=HYPERLINK(\"https://example.invalid\",\"Inläst\")", null, 7L, "Correct the file");

		String csv = body(write(reports, row));

		assertThat(csv).contains(",3,\"'=HYPERLINK(\"\"https://example.invalid\"\",\"\"Inläst\"\")\",,7,");
	}

	@Test
	void cellsWithTheseCharactersFurtherInAndTheProgramsNumbersAreLeftAlone(@TempDir Path reports) throws Exception {
		ScanRow row = new ScanRow("5560000050/KLP/2026-10/csv/a=b+c-d@e.csv", "5560000050", "KLP", "2026-10", "csv",
				"FAILED", 1, null, "A-1001", 109L, "Resume with `restart 109`");

		List<String> record = Rfc4180.parse(body(write(reports, row))).get(1);

		assertThat(record).containsExactly("5560000050/KLP/2026-10/csv/a=b+c-d@e.csv", "5560000050", "KLP", "2026-10",
				"csv", "FAILED", "1", "", "A-1001", "109", "Resume with `restart 109`");
	}

	@Test
	void theTestsReaderIsStrict() {
		assertThatIllegalArgumentException().isThrownBy(() -> Rfc4180.parse("a,b\nc,d\r\n"));
		assertThatIllegalArgumentException().isThrownBy(() -> Rfc4180.parse("a,\"b\"c\r\n"));
		assertThatIllegalArgumentException().isThrownBy(() -> Rfc4180.parse("a,b\"c\r\n"));
		assertThatIllegalArgumentException().isThrownBy(() -> Rfc4180.parse("a,\"b\r\n"));
		assertThat(Rfc4180.parse("a,\"b,\"\"c\"\"\r\nd\"\r\n,\r\n")).containsExactly(List.of("a", "b,\"c\"\r\nd"),
				List.of("", ""));
	}

	private static Path write(Path reports) {
		return new ScanSummaryWriter(ZoneOffset.UTC).write(ScanSummaries.monthEnd(), reports).get(1);
	}

	private static Path write(Path reports, ScanRow row) {
		ScanSummary summary = new ScanSummary("/srv/scb/inbox", Instant.parse("2026-11-23T17:11:00Z"),
				Instant.parse("2026-11-23T17:12:00Z"), row.exitCode(), List.of(row));
		return new ScanSummaryWriter(ZoneOffset.UTC).write(summary, reports).get(1);
	}

	/** The text after the byte order mark, which is checked on its own. */
	private static String body(Path csv) throws Exception {
		String text = Files.readString(csv, StandardCharsets.UTF_8);
		assertThat(text).startsWith("\uFEFF");
		return text.substring(1);
	}

	/**
	 * A strict RFC 4180 reader: records end with CRLF, and anything the RFC does not
	 * allow throws.
	 */
	static final class Rfc4180 {

		static List<List<String>> parse(String csv) {
			List<List<String>> records = new ArrayList<>();
			List<String> record = new ArrayList<>();
			StringBuilder field = new StringBuilder();
			int i = 0;
			while (i < csv.length()) {
				if (csv.charAt(i) == '"') {
					i++;
					while (true) {
						if (i >= csv.length()) {
							throw new IllegalArgumentException("unterminated quoted field");
						}
						char c = csv.charAt(i++);
						if (c != '"') {
							field.append(c);
						}
						else if (i < csv.length() && csv.charAt(i) == '"') {
							field.append('"');
							i++;
						}
						else {
							break;
						}
					}
				}
				else {
					while (i < csv.length() && ",\r\n".indexOf(csv.charAt(i)) < 0) {
						if (csv.charAt(i) == '"') {
							throw new IllegalArgumentException("quote in an unquoted field at " + i);
						}
						field.append(csv.charAt(i++));
					}
				}
				record.add(field.toString());
				field.setLength(0);
				if (csv.startsWith("\r\n", i)) {
					records.add(record);
					record = new ArrayList<>();
					i += 2;
				}
				else if (i < csv.length() && csv.charAt(i) == ',') {
					i++;
				}
				else {
					throw new IllegalArgumentException("expected , or CRLF at " + i);
				}
			}
			if (!record.isEmpty()) {
				throw new IllegalArgumentException("last record does not end with CRLF");
			}
			return records;
		}

	}

}
