package se.scbdelivery.report;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import java.util.stream.IntStream;
import javax.xml.XMLConstants;
import javax.xml.parsers.DocumentBuilderFactory;
import javax.xml.xpath.XPath;
import javax.xml.xpath.XPathConstants;
import javax.xml.xpath.XPathFactory;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.w3c.dom.Document;
import org.w3c.dom.NodeList;

import static org.assertj.core.api.Assertions.assertThat;

class ScanSummaryHtmlTest {

	private final XPath xpath = XPathFactory.newInstance().newXPath();

	@Test
	void parsesAsXmlWithOneTableRowPerFileNeedingActionFirst(@TempDir Path reports) throws Exception {
		Document page = parse(write(ScanSummaries.monthEnd(), reports));

		assertThat(strings(page, "//tbody/tr/@class")).containsExactly("o-failed", "o-invalid-input", "o-stopped",
				"o-not-loaded", "o-refused", "o-loaded-with-errors", "o-loaded", "o-loaded", "o-loaded", "o-loaded",
				"o-loaded", "o-loaded");
		assertThat(strings(page, "//thead//th")).containsExactly("Organisation", "Program", "Period", "Format", "File",
				"Outcome", "SCB status", "DeliveryId / ticket", "Execution", "What to do next");
		assertThat(strings(page, "//tbody/tr[1]/td")).containsExactly("5560000050", "KLP", "202610", "csv",
				"5560000050/KLP/202610/csv/kommun.csv", "FAILED", "–", "ticket 7f3c2a9e-1b44-4c1e-9d0a-5b2f8e6c1a77",
				"109", "Connection to SCB timed out after 30 s; resume with `restart 109`");
	}

	@Test
	void showsTheRunAndTheTotalsAtTheTop(@TempDir Path reports) throws Exception {
		Document page = parse(write(ScanSummaries.monthEnd(), reports));

		assertThat(xpath.evaluate("//h1", page)).isEqualTo("SCB scan 6 of 12 files need action");
		assertThat(strings(page, "//dl[@class='run']/div")).containsExactly("Inbox/srv/scb/inbox",
				"Started2026-11-23 17:11:00 Z", "Ended2026-11-23 17:24:37 Z (took 13 min 37 s)", "Exit code1");
		assertThat(strings(page,
				"//section[@class='totals']/div/span[@class='count'] | "
						+ "//section[@class='totals']/div/span[@class='name']"))
			.containsExactly("6", "LOADED", "1", "LOADED_WITH_ERRORS", "1", "NOT_LOADED", "1", "REFUSED", "1", "FAILED",
					"1", "INVALID_INPUT", "1", "STOPPED", "0", "SKIPPED");
	}

	@Test
	void greysOutTheOutcomesThatDidNotOccurAndSaysSoWhenAllLoaded(@TempDir Path reports) throws Exception {
		ScanSummary allLoaded = new ScanSummary("/inbox", Instant.EPOCH, Instant.EPOCH.plusSeconds(5), 0,
				List.of(row("a.csv", "LOADED"), row("b.csv", "LOADED")));

		Document page = parse(write(allLoaded, reports));

		assertThat(xpath.evaluate("//h1/span/@class", page)).isEqualTo("verdict clear");
		assertThat(xpath.evaluate("//h1", page)).isEqualTo("SCB scan all 2 files were loaded");
		assertThat(strings(page, "//section[@class='totals']/div/@class")).containsExactly("total o-loaded some",
				"total o-loaded-with-errors none", "total o-not-loaded none", "total o-refused none",
				"total o-failed none", "total o-invalid-input none", "total o-stopped none", "total o-skipped none");
	}

	@Test
	void saysSoWhenTheInboxWasEmpty(@TempDir Path reports) throws Exception {
		Document page = parse(write(new ScanSummary("/inbox", Instant.EPOCH, Instant.EPOCH, 0, List.of()), reports));

		assertThat(xpath.evaluate("//h1", page)).isEqualTo("SCB scan no files in the inbox");
		assertThat(strings(page, "//tbody/tr")).containsExactly("The inbox held no files.");
	}

	@Test
	void showsAnUnknownOutcomeAsItIsColouredAsAFailure(@TempDir Path reports) throws Exception {
		ScanSummary summary = new ScanSummary("/inbox", Instant.EPOCH, Instant.EPOCH, 1,
				List.of(row("a.csv", "LOADED"), row("b.csv", "ARCHIVED\" onclick=\"x")));

		Path file = write(summary, reports);
		Document page = parse(file);

		assertThat(strings(page, "//tbody/tr/@class")).containsExactly("o-failed", "o-loaded");
		assertThat(xpath.evaluate("//tbody/tr[1]/td[6]", page)).isEqualTo("ARCHIVED\" onclick=\"x");
		assertThat(xpath.evaluate("//section[@class='totals']/div[last()]", page))
			.isEqualTo("1ARCHIVED\" onclick=\"xunknown outcome; treat as failed");
		assertThat(Files.readString(file)).doesNotContain("onclick=\"");
	}

	@Test
	void escapesFileNamesAndScbTexts(@TempDir Path reports) throws Exception {
		Path file = write(ScanSummaries.monthEnd(), reports);
		String html = Files.readString(file);
		Document page = parse(file);

		assertThat(html).contains("&lt;script&gt;alert(1)&lt;/<wbr/>script&gt;.csv")
			.contains("Ej inläst: kolumn 3 &amp; 4 saknas")
			.doesNotContain(ScanSummaries.HOSTILE_FILE)
			.doesNotContain(ScanSummaries.AMPERSAND_STATUS);
		assertThat(strings(page, "//td")).contains("5560000043/FEK/2026/xml/" + ScanSummaries.HOSTILE_FILE,
				ScanSummaries.AMPERSAND_STATUS);
		assertThat(page.getElementsByTagName("script").getLength()).isZero();
	}

	@Test
	void staysWellFormedWithControlCharactersInAFileName(@TempDir Path reports) throws Exception {
		ScanSummary summary = new ScanSummary("/inbox", Instant.EPOCH, Instant.EPOCH, 1,
				List.of(row("bell\u0007escape\u001b[31m.csv", "FAILED")));

		Document page = parse(write(summary, reports));

		assertThat(xpath.evaluate("//tbody/tr/td[5]", page)).isEqualTo("bell\uFFFDescape\uFFFD[31m.csv");
	}

	@Test
	void isSelfContained(@TempDir Path reports) throws Exception {
		String html = Files.readString(write(ScanSummaries.monthEnd(), reports));

		assertThat(html).startsWith("<!DOCTYPE html>")
			.contains("<meta charset=\"utf-8\"/>")
			.doesNotContainIgnoringCase("<script")
			.doesNotContainIgnoringCase("http://")
			.doesNotContainIgnoringCase("https://")
			.doesNotContainIgnoringCase("<link")
			.doesNotContainIgnoringCase("<img")
			.doesNotContainIgnoringCase("url(")
			.doesNotContainIgnoringCase("@import")
			.doesNotContainIgnoringCase("src=");
	}

	private static ScanRow row(String file, String outcome) {
		return new ScanRow(file, "5560000001", "KLP", "202610", "csv", outcome, 0, null, null, null, "-");
	}

	private static Path write(ScanSummary summary, Path reports) {
		return new ScanSummaryWriter(ZoneOffset.UTC).write(summary, reports).get(2);
	}

	private static Document parse(Path html) throws Exception {
		DocumentBuilderFactory factory = DocumentBuilderFactory.newInstance();
		factory.setFeature(XMLConstants.FEATURE_SECURE_PROCESSING, true);
		return factory.newDocumentBuilder().parse(html.toFile());
	}

	private List<String> strings(Document page, String expression) throws Exception {
		NodeList nodes = (NodeList) this.xpath.evaluate(expression, page, XPathConstants.NODESET);
		return IntStream.range(0, nodes.getLength()).mapToObj((i) -> nodes.item(i).getTextContent()).toList();
	}

}
