package se.scbdelivery.repository;

import java.util.Map;
import java.util.concurrent.atomic.AtomicInteger;

import org.junit.jupiter.api.Test;

import org.springframework.boot.context.properties.bind.Binder;
import org.springframework.boot.context.properties.source.MapConfigurationPropertySource;
import org.springframework.dao.DataAccessResourceFailureException;
import org.springframework.dao.DataIntegrityViolationException;

import se.scbdelivery.config.ScbProperties;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatExceptionOfType;

class RepositoryOutagesTest {

	private final RepositoryOutages outages = new RepositoryOutages(
			new Binder(new MapConfigurationPropertySource(Map.of("scb.repository.outage-tolerance", "10s")))
				.bindOrCreate("scb", ScbProperties.class));

	@Test
	void aReadWhoseConnectionWasLostIsMadeAgainUntilTheRepositoryAnswers() {
		AtomicInteger calls = new AtomicInteger();

		String answer = this.outages.read(() -> {
			if (calls.incrementAndGet() < 3) {
				throw new DataAccessResourceFailureException("An I/O error occurred while sending to the backend.");
			}
			return "the record";
		});

		assertThat(answer).isEqualTo("the record");
		assertThat(calls).hasValue(3);
	}

	@Test
	void aReadTheRepositoryRefusesIsNotMadeAgain() {
		AtomicInteger calls = new AtomicInteger();

		assertThatExceptionOfType(DataIntegrityViolationException.class).isThrownBy(() -> this.outages.read(() -> {
			calls.incrementAndGet();
			throw new DataIntegrityViolationException("refused");
		}));
		assertThat(calls).hasValue(1);
	}

}
