package se.scbdelivery.config;

import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;

import ch.qos.logback.classic.Logger;
import ch.qos.logback.classic.LoggerContext;
import ch.qos.logback.classic.spi.ILoggingEvent;
import ch.qos.logback.core.OutputStreamAppender;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.slf4j.MDC;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

import org.springframework.boot.logging.logback.StructuredLogEncoder;
import org.springframework.core.env.Environment;
import org.springframework.core.env.StandardEnvironment;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The delivery's MDC keys: set inside a context, gone after it, and fields of a JSON
 * console line.
 */
class DeliveryLogContextTest {

	@AfterEach
	void clearMdc() {
		MDC.clear();
	}

	@Test
	void setsTheThreeKeysInsideAndRemovesThemAfter() {
		try (DeliveryLogContext context = DeliveryLogContext.open(42, "9990000045", "vinn.xml")) {
			assertThat(MDC.get("execution")).isEqualTo("42");
			assertThat(MDC.get("organisation")).isEqualTo("9990000045");
			assertThat(MDC.get("file")).isEqualTo("vinn.xml");
		}

		assertThat(MDC.getCopyOfContextMap()).doesNotContainKeys("execution", "organisation", "file");
	}

	@Test
	void anInnerContextRestoresTheOuterValuesWhenClosed() {
		try (DeliveryLogContext outer = DeliveryLogContext.open(1, "9990000045", "outer.xml")) {
			try (DeliveryLogContext inner = DeliveryLogContext.open(2, null, "inner.xml")) {
				assertThat(MDC.get("execution")).isEqualTo("2");
				assertThat(MDC.get("organisation")).isNull();
				assertThat(MDC.get("file")).isEqualTo("inner.xml");
			}
			assertThat(MDC.get("execution")).isEqualTo("1");
			assertThat(MDC.get("organisation")).isEqualTo("9990000045");
			assertThat(MDC.get("file")).isEqualTo("outer.xml");
		}

		assertThat(MDC.get("execution")).isNull();
	}

	@Test
	void leavesOtherMdcKeysAlone() {
		MDC.put("traceId", "abc");

		DeliveryLogContext.open(7, "9990000045", "a.xml").close();

		assertThat(MDC.get("traceId")).isEqualTo("abc");
	}

	/**
	 * The launcher's wiring is not part of this test: it logs inside a context itself,
	 * through the encoder {@code logback-spring.xml} uses for
	 * {@code scb.log.format=json}.
	 */
	@Test
	void aJsonConsoleLineLoggedInsideAContextCarriesTheDeliveryKeys() {
		ByteArrayOutputStream console = new ByteArrayOutputStream();
		Logger logger = jsonConsoleLogger(console);

		try (DeliveryLogContext context = DeliveryLogContext.open(42, "9990000045", "vinn.xml")) {
			logger.info("Delivery {}: uploading", 42);
		}
		logger.info("after the delivery");

		String[] lines = console.toString(StandardCharsets.UTF_8).split("\n");
		assertThat(lines).hasSize(2);
		JsonNode during = JsonMapper.shared().readTree(lines[0]);
		assertThat(during.get("message").asString()).isEqualTo("Delivery 42: uploading");
		assertThat(during.get("level").asString()).isEqualTo("INFO");
		assertThat(during.has("@timestamp")).isTrue();
		assertThat(during.get("execution").asString()).isEqualTo("42");
		assertThat(during.get("organisation").asString()).isEqualTo("9990000045");
		assertThat(during.get("file").asString()).isEqualTo("vinn.xml");
		JsonNode after = JsonMapper.shared().readTree(lines[1]);
		assertThat(after.has("execution")).isFalse();
		assertThat(after.has("file")).isFalse();
	}

	private static Logger jsonConsoleLogger(ByteArrayOutputStream console) {
		LoggerContext context = new LoggerContext();
		// the MDC that DeliveryLogContext writes to, which a fresh context would not
		// share
		context.setMDCAdapter(MDC.getMDCAdapter());
		context.putObject(Environment.class.getName(), new StandardEnvironment());
		StructuredLogEncoder encoder = new StructuredLogEncoder();
		encoder.setContext(context);
		encoder.setFormat("logstash");
		encoder.start();
		OutputStreamAppender<ILoggingEvent> appender = new OutputStreamAppender<>();
		appender.setContext(context);
		appender.setEncoder(encoder);
		appender.setOutputStream(console);
		appender.start();
		Logger logger = context.getLogger("se.scbdelivery.delivery.DeliveryLauncher");
		logger.addAppender(appender);
		return logger;
	}

}
