package se.scbdelivery.repository;

import java.util.Locale;
import java.util.Optional;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatExceptionOfType;

/**
 * What an H2 URL, as an operator writes it, becomes: every spelling of an H2 file gets
 * the two settings it lacks, a URL that contradicts them is refused in one line, and
 * every other URL is left alone.
 */
class H2DurabilityTest {

	private static final String PROPERTY = "spring.datasource.url (on the command line)";

	@ParameterizedTest(name = "{0}")
	@ValueSource(strings = { "jdbc:h2:file:/var/lib/scb/jobrepo", "jdbc:h2:./data/jobrepo", "jdbc:h2:~/jobrepo",
			"jdbc:h2:/var/lib/scb/jobrepo", "jdbc:h2:file:C:/scb/jobrepo", "jdbc:h2:nio:/var/lib/scb/jobrepo" })
	void everySpellingOfAnH2FileGetsBothSettings(String url) {
		Optional<H2Durability.Amended> amended = H2Durability.amend(url, PROPERTY);

		assertThat(amended).hasValueSatisfying((result) -> {
			assertThat(result.url()).isEqualTo(url + ";DB_CLOSE_ON_EXIT=FALSE;WRITE_DELAY=0");
			assertThat(result.added()).containsExactly("DB_CLOSE_ON_EXIT=FALSE", "WRITE_DELAY=0");
			assertThat(result.written()).isEqualTo(url);
		});
	}

	@Test
	void otherSettingsStayAsWrittenAndTheTwoGoAtTheEnd() {
		String url = "jdbc:h2:file:/var/lib/scb/jobrepo;MODE=PostgreSQL;INIT=RUNSCRIPT FROM 'a.sql'\\;SELECT 1;";

		assertThat(H2Durability.amend(url, PROPERTY).map(H2Durability.Amended::url))
			.hasValue("jdbc:h2:file:/var/lib/scb/jobrepo;MODE=PostgreSQL;INIT=RUNSCRIPT FROM 'a.sql'\\;SELECT 1"
					+ ";DB_CLOSE_ON_EXIT=FALSE;WRITE_DELAY=0");
	}

	@ParameterizedTest(name = "{0}")
	@CsvSource(delimiter = '|', textBlock = """
			jdbc:h2:file:/x;WRITE_DELAY=0 | jdbc:h2:file:/x;WRITE_DELAY=0;DB_CLOSE_ON_EXIT=FALSE
			jdbc:h2:file:/x;write_delay=0 | jdbc:h2:file:/x;write_delay=0;DB_CLOSE_ON_EXIT=FALSE
			jdbc:h2:file:/x;DB_CLOSE_ON_EXIT=FALSE | jdbc:h2:file:/x;DB_CLOSE_ON_EXIT=FALSE;WRITE_DELAY=0
			jdbc:h2:file:/x;Db_Close_On_Exit=no | jdbc:h2:file:/x;Db_Close_On_Exit=no;WRITE_DELAY=0
					""")
	void onlyWhatIsMissingIsAddedWhateverTheCaseOfItsKey(String url, String expected) {
		assertThat(H2Durability.amend(url, PROPERTY).map(H2Durability.Amended::url)).hasValue(expected);
	}

	@ParameterizedTest(name = "{0}")
	@ValueSource(strings = { "jdbc:h2:file:/x;DB_CLOSE_ON_EXIT=FALSE;WRITE_DELAY=0",
			"jdbc:h2:./x;write_delay=0;db_close_on_exit=false",
			// the URL the README asked operators to copy before the program added them
			"jdbc:h2:file:./data/scb-delivery;DB_CLOSE_ON_EXIT=FALSE;WRITE_DELAY=0" })
	void aUrlThatHasBothIsLeftAsItIs(String url) {
		assertThat(H2Durability.amend(url, PROPERTY)).isEmpty();
	}

	@ParameterizedTest(name = "{0}")
	@ValueSource(strings = { "jdbc:h2:mem:simulate;DB_CLOSE_DELAY=-1", "jdbc:h2:mem:x;WRITE_DELAY=500",
			"jdbc:h2:tcp://db.example/~/jobrepo", "jdbc:h2:ssl://db.example:9092/jobrepo;WRITE_DELAY=500",
			"jdbc:postgresql://db.example:5432/scb_delivery", "jdbc:postgresql://db/scb?password=secret" })
	void inMemoryServerAndOtherDatabasesAreLeftAlone(String url) {
		assertThat(H2Durability.amend(url, PROPERTY)).isEmpty();
	}

	@Test
	void theUrlToLogHoldsNoCredentials() {
		String url = "jdbc:h2:file:/x;USER=scb;PASSWORD=s3cret;CIPHER=AES";

		H2Durability.Amended amended = H2Durability.amend(url, PROPERTY).orElseThrow();

		assertThat(amended.url()).isEqualTo(url + ";DB_CLOSE_ON_EXIT=FALSE;WRITE_DELAY=0");
		assertThat(amended.written()).isEqualTo("jdbc:h2:file:/x;CIPHER=AES").doesNotContain("s3cret");
	}

	@ParameterizedTest(name = "{0}")
	@ValueSource(strings = { "WRITE_DELAY=500", "write_delay=1", "Write_Delay=-1" })
	void aWriteDelayIsRefused(String setting) {
		assertThatExceptionOfType(UnsafeJobRepositoryUrlException.class)
			.isThrownBy(() -> H2Durability.amend("jdbc:h2:file:/x;PASSWORD=s3cret;" + setting, PROPERTY))
			.withMessage(PROPERTY + " sets " + setting.toUpperCase(Locale.ROOT)
					+ ", but every commit of the job repository must "
					+ "be in its file at once (WRITE_DELAY=0), or a killed process loses the newest fragment checkpoints "
					+ "and the next run uploads again what SCB had acknowledged: remove WRITE_DELAY from the URL (this "
					+ "program sets it)")
			.withMessageNotContaining("s3cret")
			.withMessageNotContaining("\n");
	}

	@ParameterizedTest(name = "{0}")
	@ValueSource(strings = { "DB_CLOSE_ON_EXIT=TRUE", "db_close_on_exit=yes", "DB_CLOSE_ON_EXIT=1" })
	void closingOnExitIsRefused(String setting) {
		String value = setting.substring(setting.indexOf('=') + 1);

		assertThatExceptionOfType(UnsafeJobRepositoryUrlException.class)
			.isThrownBy(() -> H2Durability.amend("jdbc:h2:~/x;" + setting, PROPERTY))
			.withMessage(PROPERTY + " sets DB_CLOSE_ON_EXIT=" + value + ", but H2 must not close the job repository "
					+ "when the JVM exits (DB_CLOSE_ON_EXIT=FALSE), or a SIGTERM closes it under the running deliveries "
					+ "and they cannot be recorded as STOPPED: remove DB_CLOSE_ON_EXIT from the URL (this program sets "
					+ "it)");
	}

	@Test
	void aSecondContradictingValueIsRefusedToo() {
		assertThatExceptionOfType(UnsafeJobRepositoryUrlException.class)
			.isThrownBy(() -> H2Durability.amend("jdbc:h2:./x;WRITE_DELAY=0;WRITE_DELAY=500", PROPERTY))
			.withMessageStartingWith(PROPERTY + " sets WRITE_DELAY=500, ");
	}

	@Test
	void theAutomaticMixedModeIsRefusedAsH2CannotCombineItWithStayingOpen() {
		assertThatExceptionOfType(UnsafeJobRepositoryUrlException.class)
			.isThrownBy(() -> H2Durability.amend("jdbc:h2:./x;AUTO_SERVER=TRUE", PROPERTY))
			.withMessage(PROPERTY + " sets AUTO_SERVER=TRUE, which H2 cannot combine with DB_CLOSE_ON_EXIT=FALSE, "
					+ "which this program needs (a SIGTERM must not close the job repository under running "
					+ "deliveries): remove AUTO_SERVER; for several processes on one job repository use PostgreSQL");
		assertThat(H2Durability.amend("jdbc:h2:./x;AUTO_SERVER=FALSE", PROPERTY)).isPresent();
	}

}
