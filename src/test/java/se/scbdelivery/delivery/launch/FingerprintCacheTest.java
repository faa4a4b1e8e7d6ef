package se.scbdelivery.delivery.launch;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.attribute.FileTime;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Function;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import se.scbdelivery.delivery.FileFingerprint;

import static org.assertj.core.api.Assertions.assertThat;

class FingerprintCacheTest {

	@TempDir
	Path dir;

	private final FingerprintCache cache = new FingerprintCache();

	private final AtomicInteger reads = new AtomicInteger();

	private final Function<Path, FileFingerprint> hashing = (file) -> {
		this.reads.incrementAndGet();
		return FileFingerprint.of(file);
	};

	@Test
	void anUnchangedFileIsReadOnce() throws IOException {
		Path file = Files.writeString(this.dir.resolve("a.xml"), "<a>1</a>");

		FileFingerprint first = this.cache.get(file, this.hashing);
		FileFingerprint second = this.cache.get(file, this.hashing);

		assertThat(second).isEqualTo(first);
		assertThat(this.reads).hasValue(1);
	}

	@Test
	void aFileRewrittenInPlaceIsReadAgain() throws IOException {
		Path file = Files.writeString(this.dir.resolve("a.xml"), "<a>1</a>");
		FileFingerprint before = this.cache.get(file, this.hashing);
		FileTime then = Files.getLastModifiedTime(file);

		Files.writeString(file, "<a>2</a>");
		Files.setLastModifiedTime(file, FileTime.fromMillis(then.toMillis() + 2_000));

		FileFingerprint after = this.cache.get(file, this.hashing);
		assertThat(after.sha256()).isNotEqualTo(before.sha256());
		assertThat(after).isEqualTo(FileFingerprint.of(file));
		assertThat(this.reads).hasValue(2);
	}

	@Test
	void aFileReplacedByAnotherOfTheSameSizeAndTimeIsReadAgain() throws IOException {
		Path file = Files.writeString(this.dir.resolve("a.xml"), "<a>1</a>");
		FileFingerprint before = this.cache.get(file, this.hashing);
		Path replacement = Files.writeString(this.dir.resolve("a.xml.part"), "<a>2</a>");
		Files.setLastModifiedTime(replacement, Files.getLastModifiedTime(file));
		Files.move(replacement, file, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);

		FileFingerprint after = this.cache.get(file, this.hashing);

		assertThat(after.sha256()).isNotEqualTo(before.sha256());
		assertThat(this.reads).hasValue(2);
	}

}
