package se.scbdelivery.scb.http;

import java.time.Duration;

import se.scbdelivery.config.ScbProperties;

/**
 * The settings a call's answer is awaited for, by its {@link AnswerWait}, named in the
 * messages so an operator knows which one to raise.
 *
 * @param response {@code scb.http.response-timeout}, which also bounds a stalled send
 * @param completion {@code scb.http.completion-timeout}
 */
record AnswerTimeouts(Duration response, Duration completion) {

	private static final String RESPONSE_SETTING = "scb.http.response-timeout";

	private static final String COMPLETION_SETTING = "scb.http.completion-timeout";

	static AnswerTimeouts of(ScbProperties.Http http) {
		return new AnswerTimeouts(http.responseTimeout(), http.completionTimeout());
	}

	Duration of(AnswerWait wait) {
		return (wait == AnswerWait.COMPLETION_TIMEOUT) ? this.completion : this.response;
	}

	/** The wait and its setting, e.g. {@code 120 s (scb.http.response-timeout)}. */
	String describe(AnswerWait wait) {
		return (wait == AnswerWait.COMPLETION_TIMEOUT) ? describe(this.completion, COMPLETION_SETTING)
				: describe(this.response, RESPONSE_SETTING);
	}

	/** How long sending may stall, and its setting. */
	String describeSending() {
		return describe(this.response, RESPONSE_SETTING);
	}

	private static String describe(Duration duration, String setting) {
		String amount = (duration.toMillis() < 1000) ? duration.toMillis() + " ms" : duration.toSeconds() + " s";
		return amount + " (" + setting + ")";
	}

}
