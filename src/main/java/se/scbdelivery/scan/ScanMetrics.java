package se.scbdelivery.scan;

import java.time.Instant;
import java.util.EnumSet;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;

import org.springframework.stereotype.Component;

import se.scbdelivery.delivery.outcome.DeliveryOutcome;
import se.scbdelivery.report.ScanSummary;

/**
 * A scan's result as gauges, pushed when the command ends: its files by outcome, and when
 * the inbox's newest scan without a technical failure ended. The outcome is the only
 * label: the summary's file names, folders and organisation numbers never leave.
 */
@Component
public class ScanMetrics {

	/** {@code scb_scan_files{outcome}}. */
	public static final String FILES = "scb.scan.files";

	/** {@code scb_scan_last_success_timestamp_seconds}. */
	public static final String LAST_SUCCESS = "scb.scan.last.success.timestamp";

	/**
	 * Always pushed, 0 when none: an alert on them sees a run that had none rather than
	 * no series.
	 */
	private static final Set<DeliveryOutcome> ALWAYS = EnumSet.of(DeliveryOutcome.LOADED,
			DeliveryOutcome.LOADED_WITH_ERRORS, DeliveryOutcome.NOT_LOADED, DeliveryOutcome.REFUSED,
			DeliveryOutcome.INVALID_INPUT, DeliveryOutcome.FAILED);

	private final MeterRegistry registry;

	public ScanMetrics(MeterRegistry registry) {
		this.registry = registry;
	}

	/**
	 * Sets the gauges for this scan.
	 * @param lastClean when the inbox's newest clean scan ended (this one, if it was);
	 * empty when none is known, and then no such gauge is pushed
	 */
	public void scanned(ScanSummary summary, Optional<Instant> lastClean) {
		Map<String, Integer> files = new LinkedHashMap<>();
		ALWAYS.forEach((outcome) -> files.put(outcome.name(), 0));
		files.putAll(summary.totals());
		files.forEach((outcome, count) -> Gauge.builder(FILES, count, Integer::doubleValue)
			.description("Files of this run's scan, by outcome")
			.tag("outcome", outcome)
			// a gauge holds its value weakly by default: collected, it would push NaN
			.strongReference(true)
			.register(this.registry));
		lastClean.ifPresent((ended) -> Gauge.builder(LAST_SUCCESS, ended, (instant) -> instant.toEpochMilli() / 1000.0)
			.description("When the newest scan of this inbox that ended without a technical failure ended")
			.baseUnit("seconds")
			.strongReference(true)
			.register(this.registry));
	}

}
