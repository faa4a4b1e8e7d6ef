package se.scbdelivery.repository;

import java.util.Objects;

/**
 * The job repository's URL contradicts what the program relies on of it. Its message is
 * one line a person can act on, without the URL's credentials; the program does not start
 * and exits 2.
 */
public class UnsafeJobRepositoryUrlException extends IllegalArgumentException {

	UnsafeJobRepositoryUrlException(String message) {
		super(message);
	}

	/** Never null: every one is made with its one-line reason. */
	@Override
	public String getMessage() {
		return Objects.requireNonNullElse(super.getMessage(), getClass().getSimpleName());
	}

}
