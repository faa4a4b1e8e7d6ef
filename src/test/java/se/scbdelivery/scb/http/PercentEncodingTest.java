package se.scbdelivery.scb.http;

import java.util.List;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;

/** Path segments as RFC 3986 wants them: only unreserved characters stay. */
class PercentEncodingTest {

	@Test
	void unreservedCharactersStayAndEverythingElseIsUtf8PercentEncoded() {
		assertThat(PercentEncoding.encode("AZaz09-._~")).isEqualTo("AZaz09-._~");
		assertThat(PercentEncoding.encode("maj rapport")).isEqualTo("maj%20rapport");
		assertThat(PercentEncoding.encode("å")).isEqualTo("%C3%A5");
		assertThat(PercentEncoding.encode("a/b?c#d%e+f")).isEqualTo("a%2Fb%3Fc%23d%25e%2Bf");
	}

	@Test
	void emptyLastSegmentEndsThePathInASlash() {
		assertThat(PercentEncoding.join(List.of("file", "0", "a b.xml", ""))).isEqualTo("file/0/a%20b.xml/");
	}

	@Test
	void dotSegmentsAreRefusedBecauseServersWouldResolveThemAway() {
		assertThatIllegalArgumentException().isThrownBy(() -> PercentEncoding.join(List.of("file", "..")));
	}

}
