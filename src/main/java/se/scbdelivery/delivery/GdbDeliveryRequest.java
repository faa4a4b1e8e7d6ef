package se.scbdelivery.delivery;

import java.nio.file.Path;
import java.text.Normalizer;
import java.time.LocalDate;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.time.format.ResolverStyle;
import java.util.Objects;
import java.util.regex.Pattern;

import org.jspecify.annotations.Nullable;

import se.scbdelivery.scb.OrganisationNumber;
import se.scbdelivery.scb.StatisticalProgram;
import se.scbdelivery.scb.gdb.UploadTarget;

/**
 * One GDB delivery as the user asked for it: the file and its metadata, every value
 * already checked. Build one with {@link #of}, which turns each bad value into a one-line
 * {@link InvalidDeliveryInputException}.
 */
public record GdbDeliveryRequest(Path file, OrganisationNumber organisation, StatisticalProgram program,
		LocalDate referencePeriod, String fileFormat, @Nullable String version,
		String fileName) implements DeliveryRequest {

	/** Tokens that are safe as one URL path segment and as a folder name. */
	private static final Pattern PATH_SAFE_TOKEN = Pattern.compile("[A-Za-z0-9][A-Za-z0-9._-]{0,63}");

	private static final DateTimeFormatter PERIOD = DateTimeFormatter.ofPattern("uuuu-MM-dd")
		.withResolverStyle(ResolverStyle.STRICT);

	/**
	 * Checks and normalises the raw values of a delivery.
	 * @param fileName the name SCB sees, or {@code null} for the file's own name
	 * @throws InvalidDeliveryInputException naming the first bad value
	 */
	public static GdbDeliveryRequest of(Path file, String organisation, String program, String referencePeriod,
			String fileFormat, @Nullable String version, @Nullable String fileName) {
		if (file == null || file.getFileName() == null) {
			throw new InvalidDeliveryInputException("--file is missing: give the path of the file to deliver");
		}
		return new GdbDeliveryRequest(file.toAbsolutePath().normalize(), organisation(organisation), program(program),
				period(referencePeriod), token("file format", fileFormat), optionalToken("version", version),
				fileName(fileName, file));
	}

	@Override
	public Channel channel() {
		return Channel.GDB;
	}

	/** The upload path's segments for this request. */
	public UploadTarget uploadTarget() {
		return new UploadTarget(this.organisation, this.program, this.referencePeriod, this.fileFormat, this.version,
				this.fileName);
	}

	private static OrganisationNumber organisation(String text) {
		try {
			return OrganisationNumber.parse(text);
		}
		catch (IllegalArgumentException ex) {
			throw new InvalidDeliveryInputException(Objects.requireNonNullElse(ex.getMessage(), ex.toString()));
		}
	}

	private static StatisticalProgram program(String text) {
		try {
			return StatisticalProgram.parse(text);
		}
		catch (IllegalArgumentException ex) {
			throw new InvalidDeliveryInputException(Objects.requireNonNullElse(ex.getMessage(), ex.toString()));
		}
	}

	private static LocalDate period(String text) {
		try {
			return LocalDate.parse(text.trim(), PERIOD);
		}
		catch (DateTimeParseException | NullPointerException ex) {
			throw new InvalidDeliveryInputException(
					"reference period '" + text + "' is not a real date in the form YYYY-MM-DD (e.g. 2024-06-30)");
		}
	}

	private static String token(String what, @Nullable String text) {
		if (text == null || !PATH_SAFE_TOKEN.matcher(text).matches()) {
			throw new InvalidDeliveryInputException(what + " '" + text
					+ "' must be 1-64 characters of letters, digits, '.', '_' or '-', starting with a letter or digit");
		}
		return text;
	}

	private static @Nullable String optionalToken(String what, @Nullable String text) {
		return (text == null || text.isEmpty()) ? null : token(what, text);
	}

	/**
	 * The name SCB sees, in Unicode NFC: a name written in NFD (as macOS file systems do
	 * with å, ä, ö) is the same name, and must be the same delivery and arrive as SCB
	 * expects.
	 */
	static String fileName(@Nullable String given, Path file) {
		String name = Normalizer.normalize((given != null) ? given : file.getFileName().toString(),
				Normalizer.Form.NFC);
		if (name.isBlank() || name.equals(".") || name.equals("..") || name.length() > 200) {
			throw new InvalidDeliveryInputException(
					"file name '" + name + "' must be 1-200 characters and not . or ..");
		}
		for (int i = 0; i < name.length(); i++) {
			char c = name.charAt(i);
			if (c == '/' || c == '\\' || Character.isISOControl(c)) {
				throw new InvalidDeliveryInputException("file name '" + name.replaceAll("\\p{Cntrl}", "?")
						+ "' must not contain '/', '\\' or control characters");
			}
		}
		return name;
	}

}
