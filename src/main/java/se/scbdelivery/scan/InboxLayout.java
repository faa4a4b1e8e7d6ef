package se.scbdelivery.scan;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;

import se.scbdelivery.delivery.DeliveryRequest;
import se.scbdelivery.delivery.InvalidDeliveryInputException;

/**
 * SCB's inbox layout, as its example client reads it: a file's metadata comes from its
 * folders, {@code {root}/{org}/{program}/{period}/{format}/[{version}/]{file}}.
 */
public final class InboxLayout {

	private InboxLayout() {
	}

	/**
	 * The delivery a file in the layout stands for.
	 * @throws InvalidDeliveryInputException naming the file and the folder that does not parse
	 */
	public static DeliveryRequest requestFor(Path root, Path file) {
		Path relative = root.toAbsolutePath().normalize().relativize(file.toAbsolutePath().normalize());
		int depth = relative.getNameCount();
		if (depth != 5 && depth != 6) {
			throw new InvalidDeliveryInputException("file " + relative
					+ " is not laid out as {org}/{program}/{period}/{format}/[{version}/]{file} under " + root);
		}
		try {
			return DeliveryRequest.of(file, relative.getName(0).toString(), relative.getName(1).toString(),
					relative.getName(2).toString(), relative.getName(3).toString(),
					(depth == 6) ? relative.getName(4).toString() : null, null);
		}
		catch (InvalidDeliveryInputException ex) {
			throw new InvalidDeliveryInputException("file " + relative + ": " + ex.getMessage(), ex);
		}
	}

	/** The regular files under root in path order, leaving out hidden files and {@code .part} files. */
	public static List<Path> files(Path root) {
		try (Stream<Path> paths = Files.walk(root)) {
			return paths.filter(Files::isRegularFile)
				.filter((path) -> !path.getFileName().toString().startsWith("."))
				.filter((path) -> !path.getFileName().toString().endsWith(".part"))
				.sorted()
				.toList();
		}
		catch (IOException ex) {
			throw new UncheckedIOException("cannot read the folder " + root + ": " + ex.getMessage(), ex);
		}
	}

}
