package se.scbdelivery.metrics;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;

import org.springframework.stereotype.Component;

import se.scbdelivery.scb.http.CallResult;
import se.scbdelivery.scb.http.ClientCertificate.CertificateInfo;
import se.scbdelivery.scb.http.ScbClientObserver;
import se.scbdelivery.scb.http.ScbEndpoint;

/**
 * What the SCB client did, as meters: attempts by endpoint and result, retries by
 * endpoint, whether SCB answered at all, and when the client certificate and its chain
 * expire. Labels are the fixed names of {@link ScbEndpoint} and {@link CallResult} and
 * {@code client}/{@code chain}: nothing from a path or a certificate's subject.
 */
@Component
public class ScbClientMetrics implements ScbClientObserver {

	/** {@code scb_calls_total{endpoint, result}}: every attempt, retries included. */
	public static final String CALLS = "scb.calls";

	/** {@code scb_call_retries_total{endpoint}}. */
	public static final String RETRIES = "scb.call.retries";

	/**
	 * {@code scb_reachable}: 1 when the run's last attempt got an HTTP answer, 0 when it
	 * got none; absent when the run did not call SCB.
	 */
	public static final String REACHABLE = "scb.reachable";

	/** {@code scb_client_certificate_expiry_timestamp_seconds{certificate}}. */
	public static final String CERTIFICATE_EXPIRY = "scb.client.certificate.expiry.timestamp";

	/** {@code scb_client_certificate_days_to_expiry{certificate}}, at the push. */
	public static final String CERTIFICATE_DAYS = "scb.client.certificate.days.to.expiry";

	private static final double SECONDS_PER_DAY = Duration.ofDays(1).toSeconds();

	private final MeterRegistry registry;

	private final Clock clock = Clock.systemUTC();

	/** -1 until the first attempt: the gauge exists only once SCB was called. */
	private final AtomicInteger reachable = new AtomicInteger(-1);

	public ScbClientMetrics(MeterRegistry registry) {
		this.registry = registry;
	}

	@Override
	public void certificateInUse(List<CertificateInfo> chain) {
		if (chain.isEmpty()) {
			return;
		}
		expiry("client", chain.get(0).notAfter());
		chain.stream()
			.skip(1)
			.map(CertificateInfo::notAfter)
			.min(Instant::compareTo)
			.ifPresent((earliest) -> expiry("chain", earliest));
	}

	private void expiry(String certificate, Instant notAfter) {
		Gauge.builder(CERTIFICATE_EXPIRY, notAfter, (instant) -> instant.getEpochSecond())
			.description("When the client certificate (client) or the earliest expiring rest of its chain (chain) "
					+ "stops being valid")
			.baseUnit("seconds")
			.tag("certificate", certificate)
			// a gauge holds its value weakly by default: collected, it would push NaN
			.strongReference(true)
			.register(this.registry);
		Gauge
			.builder(CERTIFICATE_DAYS, notAfter,
					(instant) -> (instant.getEpochSecond() - this.clock.instant().getEpochSecond()) / SECONDS_PER_DAY)
			.description("Days until the client certificate (client) or the rest of its chain (chain) expires")
			.tag("certificate", certificate)
			.strongReference(true)
			.register(this.registry);
	}

	@Override
	public void attempted(ScbEndpoint endpoint, CallResult result) {
		Counter.builder(CALLS)
			.description("Attempts of calls to SCB, by endpoint and how they ended")
			.tag("endpoint", endpoint.label())
			.tag("result", result.label())
			.register(this.registry)
			.increment();
		if (this.reachable.getAndSet(result.serverAnswered() ? 1 : 0) < 0) {
			Gauge.builder(REACHABLE, this.reachable, AtomicInteger::get)
				.description("1 when the last attempt to call SCB got an HTTP answer, 0 when it got none")
				.strongReference(true)
				.register(this.registry);
		}
	}

	@Override
	public void retried(ScbEndpoint endpoint) {
		Counter.builder(RETRIES)
			.description("Calls to SCB attempted again after a transient fault")
			.tag("endpoint", endpoint.label())
			.register(this.registry)
			.increment();
	}

}
