package se.scbdelivery.config;

/**
 * A setting the program refuses before it starts: its message is the one line a person
 * reads, naming the property, what is wrong and what is accepted.
 */
public class InvalidSettingException extends IllegalArgumentException {

	private static final long serialVersionUID = 1L;

	InvalidSettingException(String message, Throwable cause) {
		super(message, cause);
	}

	InvalidSettingException(String message) {
		super(message);
	}

}
