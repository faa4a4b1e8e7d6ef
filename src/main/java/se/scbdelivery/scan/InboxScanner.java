package se.scbdelivery.scan;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.FileVisitResult;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.SimpleFileVisitor;
import java.nio.file.attribute.BasicFileAttributes;
import java.nio.file.attribute.FileTime;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.jspecify.annotations.Nullable;

import se.scbdelivery.delivery.InvalidDeliveryInputException;

/**
 * Finds the deliveries in an inbox laid out as
 * {@code {org}/{program}/{period}/{format}/[{version}/]{file}}. Hidden files and folders
 * are not looked at (archive folders may live there). A file is left for a later scan
 * when its name ends in {@code .part} or its size or modification time changes between
 * two looks {@link Pause a pause} apart: it is still being written. A symbolic link that
 * leads out of the inbox is refused, as is a file whose folders do not parse; nothing is
 * sent for those.
 */
public class InboxScanner {

	/** What happens between the two looks at the inbox. */
	@FunctionalInterface
	public interface Pause {

		void between() throws InterruptedException;

	}

	private final Pause pause;

	public InboxScanner(Pause pause) {
		this.pause = pause;
	}

	/**
	 * @return every file found, in path order
	 * @throws InvalidDeliveryInputException when the inbox is not a readable folder
	 */
	public List<InboxFile> scan(Path inbox) throws InterruptedException {
		if (!Files.isDirectory(inbox)) {
			throw new InvalidDeliveryInputException("inbox " + inbox + " is not a folder");
		}
		Path root = realPath(inbox);
		Map<Path, Look> first = look(root);
		this.pause.between();
		Map<Path, Look> second = look(root);
		List<InboxFile> found = new ArrayList<>();
		first.forEach((path, look) -> found.add(classify(root, path, look, second.get(path))));
		return found;
	}

	private InboxFile classify(Path root, Path path, Look first, @Nullable Look second) {
		Path relative = root.relativize(path);
		if (path.getFileName().toString().endsWith(".part")) {
			return new InboxFile.Skipped(relative, "a .part file is still being written");
		}
		if (second == null || !first.equals(second)) {
			return new InboxFile.Skipped(relative, "changed while the inbox was read: still being written");
		}
		if (first.link()) {
			Path target;
			try {
				target = path.toRealPath();
			}
			catch (IOException ex) {
				return new InboxFile.Invalid(relative, "symbolic link leads nowhere: " + ex.getMessage());
			}
			if (!target.startsWith(root)) {
				return new InboxFile.Invalid(relative,
						"symbolic link leads out of the inbox (to " + target + "): refused");
			}
			if (!Files.isRegularFile(target)) {
				return new InboxFile.Invalid(relative, "symbolic link does not lead to a regular file: refused");
			}
		}
		try {
			return new InboxFile.Ready(relative, InboxLayout.requestFor(root, path));
		}
		catch (InvalidDeliveryInputException ex) {
			return new InboxFile.Invalid(relative, ex.getMessage());
		}
	}

	/**
	 * Size and modification time of every visible file, links included, in path order.
	 */
	private static Map<Path, Look> look(Path root) {
		Map<Path, Look> looks = new LinkedHashMap<>();
		try {
			Files.walkFileTree(root, new SimpleFileVisitor<>() {

				@Override
				public FileVisitResult preVisitDirectory(Path dir, BasicFileAttributes attributes) {
					return (!dir.equals(root) && hidden(dir)) ? FileVisitResult.SKIP_SUBTREE : FileVisitResult.CONTINUE;
				}

				@Override
				public FileVisitResult visitFile(Path file, BasicFileAttributes attributes) throws IOException {
					if (!hidden(file) && (attributes.isRegularFile() || attributes.isSymbolicLink())) {
						BasicFileAttributes followed = attributes.isSymbolicLink() && Files.exists(file)
								? Files.readAttributes(file, BasicFileAttributes.class) : attributes;
						looks.put(file,
								new Look(followed.size(), followed.lastModifiedTime(), attributes.isSymbolicLink()));
					}
					return FileVisitResult.CONTINUE;
				}

				@Override
				public FileVisitResult visitFileFailed(Path file, IOException ex) {
					return FileVisitResult.CONTINUE;
				}

			});
		}
		catch (IOException ex) {
			throw new UncheckedIOException("cannot read the inbox " + root + ": " + ex.getMessage(), ex);
		}
		Map<Path, Look> sorted = new LinkedHashMap<>();
		looks.keySet().stream().sorted().forEach((path) -> sorted.put(path, looks.get(path)));
		return sorted;
	}

	private static boolean hidden(Path path) {
		return path.getFileName().toString().startsWith(".");
	}

	private static Path realPath(Path inbox) {
		try {
			return inbox.toRealPath();
		}
		catch (IOException ex) {
			throw new InvalidDeliveryInputException("inbox " + inbox + " cannot be read: " + ex.getMessage(), ex);
		}
	}

	private record Look(long size, FileTime modified, boolean link) {
	}

}
