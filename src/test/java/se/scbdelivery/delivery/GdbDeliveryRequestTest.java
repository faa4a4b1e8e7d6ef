package se.scbdelivery.delivery;

import java.nio.file.Path;
import java.time.LocalDate;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import se.scbdelivery.scb.StatisticalProgram;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatExceptionOfType;

class GdbDeliveryRequestTest {

	private static final Path FILE = Path.of("inbox/report å.xml");

	@Test
	void normalisesAndKeepsEveryValue() {
		GdbDeliveryRequest request = GdbDeliveryRequest.of(FILE, "999000-0045", "krita", "2024-06-30", "KRITA_MONTHLY",
				"3", null);
		assertThat(request.organisation().value()).isEqualTo("9990000045");
		assertThat(request.program()).isEqualTo(StatisticalProgram.KRITA);
		assertThat(request.referencePeriod()).isEqualTo(LocalDate.of(2024, 6, 30));
		assertThat(request.version()).isEqualTo("3");
		assertThat(request.fileName()).isEqualTo("report å.xml");
		assertThat(request.file()).isAbsolute();
	}

	@Test
	void aFileNameWrittenInNfdIsTheSameNameInNfc() {
		String nfd = "a\u030Arsrapport \u00F6vrigt.xml".replace("\u00F6", "o\u0308");
		GdbDeliveryRequest request = GdbDeliveryRequest.of(Path.of("inbox", nfd), "9990000045", "VINN", "2024-06-30",
				"V40", null, null);
		assertThat(request.fileName()).isEqualTo("\u00E5rsrapport \u00F6vrigt.xml");
		assertThat(GenericDeliveryRequest.of(Path.of("inbox", nfd), "1", null, null, null, false).fileName())
			.isEqualTo("\u00E5rsrapport \u00F6vrigt.xml");
	}

	@Test
	void aVeryLongFileNameIsRefused() {
		String longName = "x".repeat(201) + ".xml";
		assertThatExceptionOfType(InvalidDeliveryInputException.class)
			.isThrownBy(() -> GdbDeliveryRequest.of(FILE, "9990000045", "VINN", "2024-06-30", "V40", null, longName))
			.withMessageContaining("must be 1-200 characters");
	}

	@Test
	void anEmptyVersionIsNoVersion() {
		assertThat(GdbDeliveryRequest.of(FILE, "9990000045", "VINN", "2024-06-30", "V40", "", null).version()).isNull();
	}

	@Test
	void rejectsAnUnknownProgram() {
		assertInvalid(() -> GdbDeliveryRequest.of(FILE, "9990000045", "FOO", "2024-06-30", "V40", null, null),
				"program 'FOO' is not one of VINN, KRITA");
	}

	@ParameterizedTest
	@ValueSource(strings = { "2024-02-30", "2024-6-30", "30/06/2024", "2024-13-01", "" })
	void rejectsAPeriodThatIsNotARealDate(String period) {
		assertInvalid(() -> GdbDeliveryRequest.of(FILE, "9990000045", "VINN", period, "V40", null, null),
				"reference period '" + period + "' is not a real date in the form YYYY-MM-DD (e.g. 2024-06-30)");
	}

	@ParameterizedTest
	@ValueSource(strings = { "", "../V40", "V 40", "V40/x", ".hidden" })
	void rejectsAFormatThatIsNotAPathSafeToken(String format) {
		assertInvalid(() -> GdbDeliveryRequest.of(FILE, "9990000045", "VINN", "2024-06-30", format, null, null),
				"file format '" + format + "' must be 1-64 characters");
	}

	@Test
	void rejectsAVersionThatIsNotAPathSafeToken() {
		assertInvalid(() -> GdbDeliveryRequest.of(FILE, "9990000045", "VINN", "2024-06-30", "V40", "1/2", null),
				"version '1/2' must be 1-64 characters");
	}

	@Test
	void rejectsABadOrganisationNumber() {
		assertInvalid(() -> GdbDeliveryRequest.of(FILE, "9990000046", "VINN", "2024-06-30", "V40", null, null),
				"organisation number '9990000046' has a wrong check digit");
	}

	@ParameterizedTest
	@ValueSource(strings = { "..", "a/b.xml", "a\\b.xml", "a\nb.xml" })
	void rejectsUnsafeFileNames(String name) {
		assertThatExceptionOfType(InvalidDeliveryInputException.class)
			.isThrownBy(() -> GdbDeliveryRequest.of(FILE, "9990000045", "VINN", "2024-06-30", "V40", null, name))
			.withMessageStartingWith("file name '")
			.withMessageNotContaining("\n");
	}

	private static void assertInvalid(Runnable call, String messageStart) {
		assertThatExceptionOfType(InvalidDeliveryInputException.class).isThrownBy(call::run)
			.withMessageStartingWith(messageStart);
	}

}
