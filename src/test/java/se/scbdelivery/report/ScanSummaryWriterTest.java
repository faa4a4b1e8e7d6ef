package se.scbdelivery.report;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.List;
import java.util.stream.Stream;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import static org.assertj.core.api.Assertions.assertThat;

class ScanSummaryWriterTest {

	@Test
	void namesTheFilesAfterTheScansStartInTheWritersZone(@TempDir Path reports) {
		List<Path> files = new ScanSummaryWriter(ZoneId.of("Europe/Stockholm")).write(ScanSummaries.monthEnd(),
				reports.resolve("new/folder"));

		assertThat(files).containsExactly(reports.resolve("new/folder/scan-20261123-181100.json"),
				reports.resolve("new/folder/scan-20261123-181100.csv"),
				reports.resolve("new/folder/scan-20261123-181100.html"));
		assertThat(files).allSatisfy((file) -> assertThat(file).isRegularFile().isNotEmptyFile());
	}

	@Test
	void addsASuffixRatherThanOverwriteAnEarlierSummary(@TempDir Path reports) throws Exception {
		ScanSummaryWriter writer = new ScanSummaryWriter(ZoneOffset.UTC);
		Files.writeString(reports.resolve("scan-20261123-171100.html"), "an earlier scan's page");

		List<Path> second = writer.write(ScanSummaries.monthEnd(), reports);
		List<Path> third = writer.write(ScanSummaries.monthEnd(), reports);

		assertThat(second).extracting((file) -> file.getFileName().toString())
			.containsExactly("scan-20261123-171100-2.json", "scan-20261123-171100-2.csv",
					"scan-20261123-171100-2.html");
		assertThat(third).extracting((file) -> file.getFileName().toString())
			.containsExactly("scan-20261123-171100-3.json", "scan-20261123-171100-3.csv",
					"scan-20261123-171100-3.html");
		assertThat(reports.resolve("scan-20261123-171100.html")).hasContent("an earlier scan's page");
	}

	@Test
	void leavesNoTemporaryFilesBehind(@TempDir Path reports) throws Exception {
		new ScanSummaryWriter(ZoneOffset.UTC).write(ScanSummaries.monthEnd(), reports);

		try (Stream<Path> files = Files.list(reports)) {
			assertThat(files.map((file) -> file.getFileName().toString())).containsExactlyInAnyOrder(
					"scan-20261123-171100.json", "scan-20261123-171100.csv", "scan-20261123-171100.html");
		}
	}

}
