package se.scbdelivery.scan;

import java.io.IOException;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;

import org.jspecify.annotations.Nullable;

/**
 * Moves a delivered file out of the inbox, keeping its folders below the archive folder,
 * as SCB's example client does. A file already there under the same name is kept: the
 * newcomer gets a numbered name.
 */
class InboxArchive {

	private final @Nullable Path doneDir;

	private final @Nullable Path failedDir;

	InboxArchive(@Nullable Path doneDir, @Nullable Path failedDir) {
		this.doneDir = doneDir;
		this.failedDir = failedDir;
	}

	/**
	 * @return where the loaded file went, or null when there is no done folder
	 */
	@Nullable Path loaded(Path inbox, Path relative) throws IOException {
		return move(inbox, relative, this.doneDir);
	}

	/**
	 * @return where the rejected file went, or null when there is no failed folder
	 */
	@Nullable Path rejected(Path inbox, Path relative) throws IOException {
		return move(inbox, relative, this.failedDir);
	}

	private static @Nullable Path move(Path inbox, Path relative, @Nullable Path archive) throws IOException {
		if (archive == null) {
			return null;
		}
		Path target = free(archive.resolve(relative));
		Files.createDirectories(target.getParent());
		try {
			return Files.move(inbox.resolve(relative), target, StandardCopyOption.ATOMIC_MOVE);
		}
		catch (AtomicMoveNotSupportedException ex) {
			// another file system: a copy that is complete before the original goes
			Path partial = target.resolveSibling(target.getFileName() + ".part");
			Files.copy(inbox.resolve(relative), partial, StandardCopyOption.REPLACE_EXISTING);
			Files.move(partial, target);
			Files.delete(inbox.resolve(relative));
			return target;
		}
	}

	private static Path free(Path target) {
		Path candidate = target;
		for (int i = 1; Files.exists(candidate); i++) {
			candidate = target.resolveSibling(target.getFileName() + "." + i);
		}
		return candidate;
	}

}
