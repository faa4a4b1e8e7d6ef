package se.scbdelivery.cli;

import java.nio.file.Files;
import java.nio.file.Path;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import se.scbdelivery.simulator.ScbStandIn;
import se.scbdelivery.simulator.StandInOptions;
import se.scbdelivery.simulator.server.Faults.Call;
import se.scbdelivery.testsupport.CliResult;
import se.scbdelivery.testsupport.InProcessCli;
import se.scbdelivery.testsupport.ProductSettings;
import se.scbdelivery.testsupport.TestFiles;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * {@code scb.inbox.done-dir} and {@code failed-dir}: after a final outcome is recorded, a
 * loaded file moves to the done folder and a rejected one to the failed folder, keeping
 * its folders; a file that failed technically, bad input and files still being written
 * stay.
 */
class ScanArchiveTest {

	@TempDir
	Path dir;

	private ScbStandIn scb;

	@BeforeEach
	void standIn() {
		this.scb = ScbStandIn.start(StandInOptions.defaults().withPollsBeforeFinal(1));
	}

	@AfterEach
	void stop() {
		this.scb.close();
	}

	@Test
	void movesFilesWithAFinalOutcomeAndLeavesTheRest() throws Exception {
		Path inbox = this.dir.resolve("inbox");
		Path loaded = TestFiles.xml(inbox.resolve("999000-0045/VINN/2026-09-30/V40"), "loaded.xml", 600, null);
		Path withErrors = TestFiles.xml(inbox.resolve("9990000052/KRITA/2026-10-31/KRITA_MONTHLY/3"), "k.xml", 600,
				"Inläst med fel");
		Path rejected = TestFiles.xml(inbox.resolve("9990000136/VINN/2026-09-30/V40"), "rejected.xml", 600,
				"Ej inläst");
		Path failing = TestFiles.xml(inbox.resolve("9990000219/VINN/2026-09-30/V40"), "failing.xml", 2_500, null);
		Path invalid = TestFiles.xml(inbox.resolve("999000-0046/VINN/2026-09-30/V40"), "bad-org.xml", 600, null);
		Path partial = TestFiles.xml(inbox.resolve("999000-0045/VINN/2026-09-30/V40"), "next.xml.part", 600, null);
		byte[] loadedBytes = Files.readAllBytes(loaded);
		this.scb.faults().respond(Call.FRAGMENT, 1, Integer.MAX_VALUE, 500);

		ProductSettings settings = ProductSettings.standard(ScanArchiveTest.class, this.dir)
			.standIn(this.scb)
			.with("scb.inbox.done-dir", inbox.resolve(".done"))
			.with("scb.inbox.failed-dir", inbox.resolve(".failed"));

		CliResult scan = InProcessCli.run(settings, "scan", inbox.toString());

		assertThat(scan.exitCode()).as(scan.toString()).isEqualTo(1);
		Path done = inbox.resolve(".done");
		assertThat(done.resolve("999000-0045/VINN/2026-09-30/V40/loaded.xml")).hasBinaryContent(loadedBytes);
		assertThat(done.resolve("9990000052/KRITA/2026-10-31/KRITA_MONTHLY/3/k.xml")).exists();
		assertThat(inbox.resolve(".failed/9990000136/VINN/2026-09-30/V40/rejected.xml")).exists();
		assertThat(loaded).doesNotExist();
		assertThat(withErrors).doesNotExist();
		assertThat(rejected).doesNotExist();
		assertThat(failing).as("a technical failure resumes from the inbox").exists();
		assertThat(invalid).exists();
		assertThat(partial).exists();
		Path json = Path.of(scan.out()
			.lines()
			.filter((line) -> line.startsWith("summary") && line.endsWith(".json"))
			.findFirst()
			.orElseThrow()
			.substring("summary".length())
			.trim());
		assertThat(Files.readString(json))
			.contains("moved to " + done.resolve("999000-0045/VINN/2026-09-30/V40/loaded.xml"))
			.contains("moved to " + inbox.resolve(".failed/9990000136/VINN/2026-09-30/V40/rejected.xml"));
	}

}
