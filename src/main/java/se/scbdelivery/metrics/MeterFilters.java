package se.scbdelivery.metrics;

import io.micrometer.core.instrument.config.MeterFilter;

import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/** Which of Spring Boot's own meters never leave the process. */
@Configuration(proxyBeanMethods = false)
class MeterFilters {

	/**
	 * Boot's disk space meters label their series with the working directory's path, and
	 * a path is what no label may hold; the free space of {@code /app} says nothing about
	 * the inbox or the reports anyway.
	 */
	@Bean
	MeterFilter noDiskSpaceMeters() {
		return MeterFilter.denyNameStartsWith("disk.");
	}

}
