package se.scbdelivery.config;

import java.io.IOException;

import ch.qos.logback.classic.Level;
import ch.qos.logback.classic.Logger;
import ch.qos.logback.classic.LoggerContext;
import ch.qos.logback.classic.spi.LoggingEvent;
import org.jspecify.annotations.Nullable;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * What the console adds to a warning from its exception: a library's message, never the
 * program's own (which says its cause itself), never twice.
 */
class LibraryCauseConverterTest {

	private final LoggerContext context = new LoggerContext();

	private final LibraryCauseConverter converter = new LibraryCauseConverter();

	@Test
	void aLibrarysWarningGetsItsExceptionsMessage() {
		String added = convert(
				"org.springframework.boot.micrometer.metrics.export.prometheus.PrometheusPushGatewayManager",
				"Unexpected exception thrown by PUT of metrics to Prometheus Pushgateway",
				new IOException("Failed to push metrics to the Prometheus Pushgateway on http://127.0.0.1:9091: "
						+ "Connection refused\nsecond line"));

		assertThat(added).isEqualTo(
				": Failed to push metrics to the Prometheus Pushgateway on http://127.0.0.1:9091: Connection refused");
	}

	@Test
	void theProgramsOwnMessagesAndEventsWithoutAnExceptionAreLeftAsTheyAre() {
		assertThat(convert("se.scbdelivery.delivery.launch.DeliveryLocks", "The lease could not be renewed: refused",
				new IllegalStateException("refused")))
			.isEmpty();
		assertThat(convert("org.example.Library", "something happened", null)).isEmpty();
	}

	@Test
	void aMessageThatSaysItsCauseAlreadyIsNotRepeated() {
		assertThat(convert("org.example.Library", "push failed: Connection refused",
				new IOException("Connection refused")))
			.isEmpty();
	}

	@Test
	void anExceptionWithoutAMessageIsNamed() {
		assertThat(convert("org.example.Library", "push failed", new IllegalStateException()))
			.isEqualTo(": java.lang.IllegalStateException");
	}

	private String convert(String logger, String message, @Nullable Throwable thrown) {
		Logger source = this.context.getLogger(logger);
		return this.converter
			.convert(new LoggingEvent(Logger.class.getName(), source, Level.WARN, message, thrown, null));
	}

}
