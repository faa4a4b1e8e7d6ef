package se.scbdelivery.scb;

import java.util.regex.Pattern;

/**
 * A Swedish organisation number: ten digits, the last a Luhn check digit over the first
 * nine. Accepts the dash form {@code 999000-0045}; {@link #value()} is always the ten
 * digits SCB wants in paths and bodies.
 */
public record OrganisationNumber(String value) {

	private static final Pattern DIGITS = Pattern.compile("\\d{10}");

	public OrganisationNumber {
		if (value == null || !DIGITS.matcher(value).matches()) {
			throw new IllegalArgumentException("organisation number '" + value + "' must be ten digits");
		}
		if (!hasValidCheckDigit(value)) {
			throw new IllegalArgumentException("organisation number '" + value
					+ "' has a wrong check digit (Luhn): expected " + checkDigit(value.substring(0, 9)));
		}
	}

	/**
	 * Parses the ten-digit or {@code NNNNNN-NNNN} form.
	 * @throws IllegalArgumentException naming the bad value and what is allowed
	 */
	public static OrganisationNumber parse(String text) {
		if (text == null || text.isBlank()) {
			throw new IllegalArgumentException("organisation number is missing: give ten digits, e.g. 9990000045");
		}
		String trimmed = text.trim();
		String digits = trimmed.matches("\\d{6}-\\d{4}") ? trimmed.replace("-", "") : trimmed;
		if (!DIGITS.matcher(digits).matches()) {
			throw new IllegalArgumentException("organisation number '" + text
					+ "' must be ten digits, optionally written NNNNNN-NNNN (e.g. 999000-0045)");
		}
		return new OrganisationNumber(digits);
	}

	/** The number as people write it: {@code NNNNNN-NNNN}. */
	public String dashed() {
		return this.value.substring(0, 6) + "-" + this.value.substring(6);
	}

	@Override
	public String toString() {
		return this.value;
	}

	private static boolean hasValidCheckDigit(String digits) {
		return checkDigit(digits.substring(0, 9)) == digits.charAt(9) - '0';
	}

	private static int checkDigit(String nineDigits) {
		int sum = 0;
		for (int i = 0; i < nineDigits.length(); i++) {
			int product = (nineDigits.charAt(i) - '0') * ((i % 2 == 0) ? 2 : 1);
			sum += (product > 9) ? product - 9 : product;
		}
		return (10 - (sum % 10)) % 10;
	}

}
