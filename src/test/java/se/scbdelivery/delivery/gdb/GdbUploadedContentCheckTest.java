package se.scbdelivery.delivery.gdb;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.Arrays;
import java.util.Random;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import se.scbdelivery.delivery.FileFingerprint;
import se.scbdelivery.delivery.InvalidDeliveryInputException;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatExceptionOfType;
import static org.assertj.core.api.Assertions.assertThatNoException;

class GdbUploadedContentCheckTest {

	@TempDir
	Path dir;

	private Path file;

	private FileFingerprint began;

	@BeforeEach
	void aFileOfThreeAndAHalfFragments() throws IOException {
		byte[] bytes = new byte[700_000];
		new Random(42).nextBytes(bytes);
		this.file = Files.write(this.dir.resolve("report.xml"), bytes);
		this.began = FileFingerprint.of(this.file);
	}

	@Test
	void theFileHashedFragmentByFragmentIsTheFileTheDeliveryBeganWith() {
		GdbUploadedContentCheck check = new GdbUploadedContentCheck(this.file, this.began);
		for (long end : new long[] { 200_000, 400_000, 600_000, 700_000 }) {
			check.coverUpTo(end);
		}
		assertThatNoException().isThrownBy(check::verify);
		assertThatNoException().as("asked again, as a refused completion sent again does").isThrownBy(check::verify);
	}

	@Test
	void aResumedUploadHashesThePartSentEarlierFirst() {
		GdbUploadedContentCheck check = new GdbUploadedContentCheck(this.file, this.began);
		check.coverUpTo(600_000);
		check.coverUpTo(400_000);

		assertThatNoException().isThrownBy(check::verify);
	}

	@Test
	void aFragmentRewrittenInPlaceWithTheSameSizeIsSeen() throws IOException {
		GdbUploadedContentCheck check = new GdbUploadedContentCheck(this.file, this.began);
		check.coverUpTo(200_000);
		rewrite(300_000, new byte[] { 'x', 'y', 'z' });
		check.coverUpTo(400_000);

		assertThatExceptionOfType(InvalidDeliveryInputException.class).isThrownBy(check::verify)
			.withMessageContaining("changed while it was being uploaded")
			.withMessageContaining("SHA-256 " + this.began.sha256().substring(0, 12) + "… then")
			.withMessageContaining("the completing fragment was not sent");
	}

	@Test
	void aFileCutShortIsSeen() throws IOException {
		GdbUploadedContentCheck check = new GdbUploadedContentCheck(this.file, this.began);
		check.coverUpTo(200_000);
		Files.write(this.file, Arrays.copyOf(Files.readAllBytes(this.file), 500_000));

		assertThatExceptionOfType(InvalidDeliveryInputException.class).isThrownBy(check::verify)
			.withMessageContaining("(shorter) now; 700000 bytes then, 500000 now");
	}

	@Test
	void bytesAppendedAfterEverythingWasHashedAreSeen() throws IOException {
		GdbUploadedContentCheck check = new GdbUploadedContentCheck(this.file, this.began);
		check.coverUpTo(700_000);
		Files.write(this.file, new byte[] { '\n' }, StandardOpenOption.APPEND);

		assertThatExceptionOfType(InvalidDeliveryInputException.class).isThrownBy(check::verify)
			.withMessageContaining("700000 bytes then, 700001 now");
	}

	@Test
	void aFileThatVanishedCannotBeRead() throws IOException {
		GdbUploadedContentCheck check = new GdbUploadedContentCheck(this.file, this.began);
		Files.delete(this.file);

		assertThatExceptionOfType(InvalidDeliveryInputException.class).isThrownBy(check::verify)
			.withMessageStartingWith("file " + this.file + " cannot be read: ")
			.withMessageContaining("report.xml");
	}

	private void rewrite(long position, byte[] bytes) throws IOException {
		try (var channel = java.nio.channels.FileChannel.open(this.file, StandardOpenOption.WRITE)) {
			channel.write(java.nio.ByteBuffer.wrap(bytes), position);
		}
		assertThat(Files.size(this.file)).isEqualTo(700_000);
	}

}
