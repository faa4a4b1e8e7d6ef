package se.scbdelivery.scb;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;

class OrganisationNumberTest {

	@Test
	void acceptsTenDigitsWithValidCheckDigit() {
		assertThat(OrganisationNumber.parse("9990000045").value()).isEqualTo("9990000045");
	}

	@Test
	void normalisesTheDashForm() {
		OrganisationNumber number = OrganisationNumber.parse("999000-0045");
		assertThat(number.value()).isEqualTo("9990000045");
		assertThat(number.dashed()).isEqualTo("999000-0045");
	}

	@ParameterizedTest
	@ValueSource(strings = { "5560360793", "2021005489" })
	void acceptsRealWorldNumbers(String number) {
		assertThat(OrganisationNumber.parse(number).value()).isEqualTo(number);
	}

	@Test
	void rejectsWrongCheckDigitNamingTheExpectedOne() {
		assertThatIllegalArgumentException().isThrownBy(() -> OrganisationNumber.parse("9990000046"))
			.withMessage("organisation number '9990000046' has a wrong check digit (Luhn): expected 5");
	}

	@ParameterizedTest
	@ValueSource(strings = { "999000004", "99900000451", "99900-00045", "ABC0000045", "999000 0045" })
	void rejectsWhatIsNotTenDigits(String text) {
		assertThatIllegalArgumentException().isThrownBy(() -> OrganisationNumber.parse(text))
			.withMessageStartingWith("organisation number '" + text + "' must be ten digits");
	}

	@Test
	void rejectsMissing() {
		assertThatIllegalArgumentException().isThrownBy(() -> OrganisationNumber.parse(" "))
			.withMessageContaining("is missing");
	}

}
