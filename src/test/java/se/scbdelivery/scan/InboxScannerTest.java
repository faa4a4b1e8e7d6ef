package se.scbdelivery.scan;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import java.util.stream.Collectors;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import se.scbdelivery.delivery.GdbDeliveryRequest;
import se.scbdelivery.delivery.InvalidDeliveryInputException;
import se.scbdelivery.scb.StatisticalProgram;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatExceptionOfType;

class InboxScannerTest {

	@TempDir
	Path inbox;

	@TempDir
	Path outside;

	private final InboxScanner still = new InboxScanner(() -> {
	});

	@Test
	void readsTheMetadataFromTheFoldersWithAndWithoutAVersion() throws Exception {
		file("999000-0045/VINN/2026-09-30/V40/a.xml");
		file("9990000052/KRITA/2026-10-31/KRITA_MONTHLY/3/b.xml");

		Map<String, InboxFile> found = byPath(this.still.scan(this.inbox));

		GdbDeliveryRequest a = ((InboxFile.Ready) found.get("999000-0045/VINN/2026-09-30/V40/a.xml")).request();
		assertThat(a.organisation().value()).isEqualTo("9990000045");
		assertThat(a.program()).isEqualTo(StatisticalProgram.VINN);
		assertThat(a.referencePeriod()).isEqualTo(LocalDate.of(2026, 9, 30));
		assertThat(a.fileFormat()).isEqualTo("V40");
		assertThat(a.version()).isNull();
		assertThat(a.fileName()).isEqualTo("a.xml");
		GdbDeliveryRequest b = ((InboxFile.Ready) found.get("9990000052/KRITA/2026-10-31/KRITA_MONTHLY/3/b.xml"))
			.request();
		assertThat(b.version()).isEqualTo("3");
		assertThat(b.file())
			.isEqualTo(this.inbox.toRealPath().resolve("9990000052/KRITA/2026-10-31/KRITA_MONTHLY/3/b.xml"));
	}

	@Test
	void refusesFilesWhoseFoldersDoNotParseAndSaysWhy() throws Exception {
		file("999000-0046/VINN/2026-09-30/V40/bad-org.xml");
		file("999000-0045/VINN/2026-02-30/V40/bad-period.xml");
		file("999000-0045/FOO/2026-09-30/V40/bad-program.xml");
		file("999000-0045/VINN/loose.xml");

		Map<String, InboxFile> found = byPath(this.still.scan(this.inbox));

		assertThat(found.values()).allMatch(InboxFile.Invalid.class::isInstance);
		assertThat(reason(found, "999000-0046/VINN/2026-09-30/V40/bad-org.xml")).contains("wrong check digit");
		assertThat(reason(found, "999000-0045/VINN/2026-02-30/V40/bad-period.xml")).contains("is not a real date");
		assertThat(reason(found, "999000-0045/FOO/2026-09-30/V40/bad-program.xml")).contains("program 'FOO'");
		assertThat(reason(found, "999000-0045/VINN/loose.xml")).contains("is not laid out as");
	}

	@Test
	void leavesPartFilesAndFilesStillBeingWrittenForALaterScan() throws Exception {
		file("999000-0045/VINN/2026-09-30/V40/done.xml");
		file("999000-0045/VINN/2026-09-30/V40/upload.xml.part");
		Path growing = file("999000-0045/VINN/2026-09-30/V40/growing.xml");
		InboxScanner writerBusy = new InboxScanner(() -> append(growing));

		Map<String, InboxFile> found = byPath(writerBusy.scan(this.inbox));

		assertThat(found.get("999000-0045/VINN/2026-09-30/V40/done.xml")).isInstanceOf(InboxFile.Ready.class);
		assertThat(found.get("999000-0045/VINN/2026-09-30/V40/upload.xml.part")).isInstanceOf(InboxFile.Skipped.class);
		assertThat(found.get("999000-0045/VINN/2026-09-30/V40/growing.xml")).isInstanceOfSatisfying(
				InboxFile.Skipped.class, (skipped) -> assertThat(skipped.reason()).contains("still being written"));
	}

	@Test
	void aFileThatVanishesBetweenTheLooksIsLeftAlone() throws Exception {
		Path vanishing = file("999000-0045/VINN/2026-09-30/V40/gone.xml");
		InboxScanner mover = new InboxScanner(() -> delete(vanishing));

		assertThat(byPath(mover.scan(this.inbox)).get("999000-0045/VINN/2026-09-30/V40/gone.xml"))
			.isInstanceOf(InboxFile.Skipped.class);
	}

	@Test
	void neverLooksIntoHiddenFilesOrFolders() throws Exception {
		file(".done/999000-0045/VINN/2026-09-30/V40/archived.xml");
		file("999000-0045/VINN/2026-09-30/V40/.DS_Store");
		file("999000-0045/VINN/2026-09-30/V40/a.xml");

		assertThat(byPath(this.still.scan(this.inbox))).containsOnlyKeys("999000-0045/VINN/2026-09-30/V40/a.xml");
	}

	@Test
	void refusesSymbolicLinksThatLeaveTheInboxAndFollowsThoseThatStayInside() throws Exception {
		Path secret = Files.writeString(this.outside.resolve("secret.xml"), "<secret/>");
		Path inside = file("999000-0045/VINN/2026-09-30/V40/real.xml");
		link("999000-0045/VINN/2026-09-30/V40/escape.xml", secret);
		link("9990000052/VINN/2026-09-30/V40/alias.xml", inside);

		Map<String, InboxFile> found = byPath(this.still.scan(this.inbox));

		assertThat(reason(found, "999000-0045/VINN/2026-09-30/V40/escape.xml")).contains("leads out of the inbox")
			.contains("refused");
		assertThat(found.get("9990000052/VINN/2026-09-30/V40/alias.xml")).isInstanceOf(InboxFile.Ready.class);
	}

	@Test
	void anInboxThatIsNotAFolderIsInvalidInput() {
		assertThatExceptionOfType(InvalidDeliveryInputException.class)
			.isThrownBy(() -> this.still.scan(this.inbox.resolve("missing")))
			.withMessageContaining("is not a folder");
	}

	private Path file(String relative) throws IOException {
		Path path = this.inbox.resolve(relative);
		Files.createDirectories(path.getParent());
		return Files.writeString(path, "<r/>");
	}

	private void link(String relative, Path target) throws IOException {
		Path path = this.inbox.resolve(relative);
		Files.createDirectories(path.getParent());
		Files.createSymbolicLink(path, target);
	}

	private static void append(Path file) {
		try {
			Files.writeString(file, "<more/>", StandardOpenOption.APPEND);
		}
		catch (IOException ex) {
			throw new java.io.UncheckedIOException(ex);
		}
	}

	private static void delete(Path file) {
		try {
			Files.delete(file);
		}
		catch (IOException ex) {
			throw new java.io.UncheckedIOException(ex);
		}
	}

	private static Map<String, InboxFile> byPath(List<InboxFile> files) {
		return files.stream().collect(Collectors.toMap((file) -> file.relative().toString(), Function.identity()));
	}

	private static String reason(Map<String, InboxFile> found, String path) {
		assertThat(found.get(path)).as(path).isInstanceOf(InboxFile.Invalid.class);
		return ((InboxFile.Invalid) found.get(path)).reason();
	}

}
