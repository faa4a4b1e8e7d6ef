package se.scbdelivery.simulator.generic;

import java.net.http.HttpRequest.BodyPublishers;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;

import org.junit.jupiter.api.Test;

import se.scbdelivery.simulator.ScbStandIn;
import se.scbdelivery.simulator.StandInOptions;

import static org.assertj.core.api.Assertions.assertThat;
import static se.scbdelivery.simulator.server.HttpResponses.json;

/**
 * A submission far larger than the test JVM could comfortably hold passes through the
 * stand-in in bounded memory: it streams the body to disk and decodes from there.
 */
class LargeGenericSubmissionTest {

	/** About 200 MB of base64; not a multiple of 3, so the base64 ends in padding. */
	private static final long SIZE = 150_000_001;

	@Test
	void largeStreamedSubmissionIsDecodedExactlyAndKeptOnDiskUntilReset() throws Exception {
		try (ScbStandIn standIn = ScbStandIn.start(StandInOptions.defaults())) {
			GenericTestClient client = new GenericTestClient(standIn.genericBaseUrl());

			// never in memory on either side: generated as it is sent, chunked
			HttpResponse<String> response = client.submit(GenericTestClient.JSON,
					BodyPublishers.ofInputStream(() -> PatternContent.submission(SIZE)));

			assertThat(response.statusCode()).isEqualTo(200);
			GenericSubmissionReceived received = standIn.genericSubmissions().get(0);
			assertThat(received.ticket()).hasToString(json(response).asString());
			assertThat(received.decodedSize()).isEqualTo(SIZE);
			assertThat(received.decodedSha256()).isEqualTo(PatternContent.sha256(SIZE));
			assertThat(received.decodedBytes()).isNull();
			Path file = received.decodedFile();
			assertThat(file).isNotNull();
			assertThat(Files.size(file)).isEqualTo(SIZE);

			standIn.reset();

			assertThat(file).doesNotExist();
		}
	}

}
