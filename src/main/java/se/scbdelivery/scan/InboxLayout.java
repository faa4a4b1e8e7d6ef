package se.scbdelivery.scan;

import java.nio.file.Path;

import se.scbdelivery.delivery.GdbDeliveryRequest;
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
	 * @throws InvalidDeliveryInputException naming the file and the folder that does not
	 * parse
	 */
	public static GdbDeliveryRequest requestFor(Path root, Path file) {
		Path relative = root.toAbsolutePath().normalize().relativize(file.toAbsolutePath().normalize());
		int depth = relative.getNameCount();
		if (depth != 5 && depth != 6) {
			throw new InvalidDeliveryInputException("file " + relative
					+ " is not laid out as {org}/{program}/{period}/{format}/[{version}/]{file} under " + root);
		}
		try {
			return GdbDeliveryRequest.of(file, relative.getName(0).toString(), relative.getName(1).toString(),
					relative.getName(2).toString(), relative.getName(3).toString(),
					(depth == 6) ? relative.getName(4).toString() : null, null);
		}
		catch (InvalidDeliveryInputException ex) {
			throw new InvalidDeliveryInputException("file " + relative + ": " + ex.getMessage(), ex);
		}
	}

}
