package se.scbdelivery.delivery.launch;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.BasicFileAttributes;
import java.nio.file.attribute.FileTime;

import org.jspecify.annotations.Nullable;

/**
 * A file as it is now: its path, size, modification time and identity (inode). What this
 * process learnt from reading a file counts while its stamp is unchanged.
 */
record FileStamp(Path file, long size, FileTime modified, Object identity) {

	/**
	 * @return the stamp, or {@code null} when the file cannot be read now or the file
	 * system gives no identity: then nothing may be remembered of it
	 */
	static @Nullable FileStamp of(Path file) {
		try {
			BasicFileAttributes attributes = Files.readAttributes(file, BasicFileAttributes.class);
			Object identity = attributes.fileKey();
			return (identity == null) ? null : new FileStamp(file.toAbsolutePath().normalize(), attributes.size(),
					attributes.lastModifiedTime(), identity);
		}
		catch (IOException ex) {
			// whoever reads the file next reports what is wrong with it
			return null;
		}
	}

}
