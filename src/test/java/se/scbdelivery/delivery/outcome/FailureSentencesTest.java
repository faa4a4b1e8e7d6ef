package se.scbdelivery.delivery.outcome;

import java.net.ConnectException;
import java.sql.SQLTransientConnectionException;

import org.junit.jupiter.api.Test;

import org.springframework.batch.core.step.StepExecution;
import org.springframework.dao.DataAccessResourceFailureException;

import se.scbdelivery.delivery.LeaseLostException;
import se.scbdelivery.scb.http.ScbTlsException;
import se.scbdelivery.scb.http.ScbUnavailableException;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Every kind of technical failure the product knows reads as what happened and what to
 * do; only an unexpected one names its class, with "the log has the details".
 */
class FailureSentencesTest {

	private static final String RESUMES = "the next scan or 'restart --failed' resumes the delivery where it stopped";

	@Test
	void scbUnreachableSaysWhatToCheckAndThatTheDeliveryResumes() {
		ScbUnavailableException unreachable = new ScbUnavailableException("heartbeat", 4,
				"connection refused: Connection refused: m2m.gdb.scb.se/1.2.3.4:443", new ConnectException());

		assertThat(FailureSentences.of(new IllegalStateException("step failed", unreachable)))
			.isEqualTo("SCB did not answer: heartbeat failed 4 times; last: connection refused: Connection refused: "
					+ "m2m.gdb.scb.se/1.2.3.4:443. If it persists, check the network path to SCB from here and "
					+ "SCB's service status; " + RESUMES);
	}

	@Test
	void aTimeoutIsScbNotAnsweringInTimeNamingTheSetting() {
		ScbUnavailableException timeout = new ScbUnavailableException("fragment 3", 1,
				"no answer within 2m (scb.http.response-timeout) (not retried: the server may have processed the "
						+ "request)",
				null);

		assertThat(FailureSentences.of(timeout))
			.startsWith("SCB did not answer: fragment 3 failed once; last: no "
					+ "answer within 2m (scb.http.response-timeout)")
			.endsWith(RESUMES)
			.doesNotContain("Exception");
	}

	@Test
	void aRefusedTlsHandshakeSaysRetryingWillNotHelp() {
		ScbTlsException tls = new ScbTlsException("heartbeat",
				"the server refused our client certificate (Received fatal alert: bad_certificate): check "
						+ "scb.tls.key-store and its expiry",
				null);

		assertThat(FailureSentences.of(tls)).isEqualTo("heartbeat failed in the TLS handshake: the server refused "
				+ "our client certificate (Received fatal alert: bad_certificate): check scb.tls.key-store and its "
				+ "expiry. Retrying will not help until that is fixed; then " + RESUMES);
	}

	@Test
	void aRepositoryOutageSaysTheDeliveryResumesFromItsJournal() {
		DataAccessResourceFailureException outage = new DataAccessResourceFailureException("no connection",
				new SQLTransientConnectionException("Connection to 10.0.0.5:5432 refused", "08001"));

		assertThat(FailureSentences.of(outage))
			.isEqualTo("the job repository could not be reached (Connection to 10.0.0.5:5432 refused): the delivery "
					+ "resumes from its journal on the next run");
	}

	@Test
	void aLeaseTakenOverSaysWhoTookItAndWhereToFollowIt() {
		LeaseLostException lost = new LeaseLostException("another process (pod-b:7) took over the delivery of "
				+ "a.xml after this process stalled: this process sends SCB nothing more for it; see 'list' for how "
				+ "it ends");

		assertThat(FailureSentences.of(lost)).isEqualTo(lost.getMessage());
	}

	@Test
	void onlyAnUnexpectedFailureNamesItsClassAndPointsToTheLog() {
		assertThat(FailureSentences.of(new IllegalArgumentException("bad state in " + StepExecution.class)))
			.startsWith("unexpected IllegalArgumentException: bad state in ")
			.endsWith(" (the log has the details); " + RESUMES);
		assertThat(FailureSentences.known(new IllegalArgumentException("x"))).isEmpty();
		assertThat(FailureSentences.known(new LeaseLostException("lost"))).isPresent();
	}

}
