package se.scbdelivery.cli;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

import org.junit.jupiter.api.Test;

import se.scbdelivery.simulator.gdb.StoredDelivery;
import se.scbdelivery.simulator.server.Faults.Call;
import se.scbdelivery.testsupport.CliResult;
import se.scbdelivery.testsupport.TestFiles;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * {@code scan}: an inbox delivered N at a time with a summary of every file, and a second
 * scan that sends nothing again and resumes what failed. Run on each job repository by
 * {@link DeliveryEndToEndOnH2Test} and {@link DeliveryEndToEndOnPostgresTest}.
 */
abstract class ScanSuite extends DeliveryEndToEnd {

	@Test
	void scansAnInboxNAtATimeAndSummarisesEveryFile() throws IOException {
		Path vinn = TestFiles.xml(this.inbox.resolve("999000-0045/VINN/2026-09-30/V40"), "v.xml", 2_500, null);
		Path krita = TestFiles.xml(this.inbox.resolve("9990000052/KRITA/2026-10-31/KRITA_MONTHLY/3"), "k.xml", 900,
				"Inläst med fel");
		Path rejected = TestFiles.xml(this.inbox.resolve("9990000136/VINN/2026-09-30/V40"), "r.xml", 900, "Ej inläst");
		TestFiles.xml(this.inbox.resolve("999000-0046/VINN/2026-09-30/V40"), "bad-org.xml", 500, null);
		TestFiles.xml(this.inbox.resolve("999000-0045/VINN/2026-09-30/V40"), "still.xml.part", 500, null);
		TestFiles.xml(this.inbox.resolve(".done/999000-0045/VINN/2026-09-30/V40"), "old.xml", 500, null);

		CliResult scan = run("scan", this.inbox.toString(), "--concurrency", "3");

		// a rejection outranks loaded-with-errors and invalid input
		assertThat(scan.exitCode()).as(scan.toString()).isEqualTo(3);
		assertThat(this.scb.deliveries()).hasSize(3);
		assertThat(this.scb.deliveries()).extracting(StoredDelivery::content)
			.containsExactlyInAnyOrder(bytes(vinn), bytes(krita), bytes(rejected));
		assertThat(scan.out()).contains("LOADED")
			.contains("LOADED_WITH_ERRORS")
			.contains("NOT_LOADED")
			.contains("INVALID_INPUT")
			.contains("SKIPPED")
			.contains("bad-org.xml")
			.doesNotContain("old.xml");
		List<Path> written = scan.out()
			.lines()
			.filter((line) -> line.startsWith("summary      "))
			.map((line) -> Path.of(line.substring(13).trim()))
			.toList();
		assertThat(written).extracting((path) -> path.getFileName().toString().replaceAll(".*\\.", ""))
			.containsExactlyInAnyOrder("json", "csv", "html");
		String json = Files
			.readString(written.stream().filter((path) -> path.toString().endsWith(".json")).findFirst().orElseThrow());
		assertThat(json).contains("v.xml")
			.contains("k.xml")
			.contains("r.xml")
			.contains("bad-org.xml")
			.contains("still.xml.part")
			.contains("Inläst med fel");
	}

	@Test
	void aSecondScanSendsNothingAgainAndResumesWhatFailed() {
		Path small = TestFiles.xml(this.inbox.resolve("999000-0045/VINN/2026-09-30/V40"), "small.xml", 900, null);
		Path large = TestFiles.xml(this.inbox.resolve("9990000052/VINN/2026-09-30/V40"), "large.xml", 2_500, null);
		this.scb.faults().respond(Call.FRAGMENT, 1, Integer.MAX_VALUE, 500);
		CliResult first = run("scan", this.inbox.toString());
		assertThat(first.exitCode()).as(first.toString()).isEqualTo(1);
		assertThat(this.scb.deliveries()).extracting(StoredDelivery::content).containsExactly(bytes(small));
		this.scb.faults().clear();
		int before = this.scb.fragments().size();

		CliResult second = run("scan", this.inbox.toString());

		assertThat(second.exitCode()).as(second.toString()).isZero();
		assertThat(indexes(this.scb.fragments().subList(before, this.scb.fragments().size()))).containsExactly(1, 2,
				-1);
		assertThat(this.scb.deliveries()).extracting(StoredDelivery::content)
			.containsExactly(bytes(small), bytes(large));
		assertThat(second.out()).contains("delivered earlier");
	}

}
