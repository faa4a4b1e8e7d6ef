package se.scbdelivery.config;

import java.net.URI;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Optional;

import org.jspecify.annotations.Nullable;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * Every {@code scb.*} setting, bound once at start-up. Each bean receives only the group
 * it needs. Values are checked where a bad one can be reported as invalid input (exit 2)
 * rather than here, where Boot would fail with a multi-line start-up error. The
 * {@code @param} descriptions are what an IDE shows for each setting (Spring Boot's
 * configuration metadata).
 *
 * @param environment SCB's environment: test or production; it gives the default base
 * URLs, and production refuses hosts other than SCB's
 * @param allowOtherBaseUrl allow base URLs that do not belong to the environment (a
 * stand-in, a proxy)
 */
@ConfigurationProperties("scb")
public record ScbProperties(@DefaultValue("test") ScbEnvironment environment, @DefaultValue Gdb gdb,
		@DefaultValue Generic generic, @DefaultValue Tls tls, @DefaultValue Http http, @DefaultValue Upload upload,
		@DefaultValue Poll poll, @DefaultValue Recovery recovery, @DefaultValue Repository repository,
		@DefaultValue Report report, @DefaultValue Inbox inbox, @DefaultValue Shutdown shutdown, @DefaultValue Log log,
		@DefaultValue("false") boolean allowOtherBaseUrl, @DefaultValue Cli cli) {

	/**
	 * Whether the base URLs belong to the environment: production must talk to SCB's
	 * production hosts, and test must not. Deliveries for real companies must never go to
	 * a stand-in or a typo, nor test files to production, unless
	 * {@code scb.allow-other-base-url} says so.
	 * @return the reason the settings are refused, or empty when they are fine
	 */
	public Optional<String> environmentMismatch() {
		if (this.allowOtherBaseUrl) {
			return Optional.empty();
		}
		URI productionGdb = ScbEnvironment.PRODUCTION.gdbBaseUrl();
		URI productionGeneric = ScbEnvironment.PRODUCTION.genericBaseUrl();
		if (this.environment == ScbEnvironment.PRODUCTION) {
			if (!gdbBaseUrl().equals(productionGdb)) {
				return Optional.of("scb.environment is production but scb.gdb.base-url is " + gdbBaseUrl()
						+ ", not SCB's " + productionGdb + ": set scb.allow-other-base-url=true if that is intended");
			}
			if (this.generic.baseUrl() != null && !this.generic.baseUrl().equals(productionGeneric)) {
				return Optional.of("scb.environment is production but scb.generic.base-url is " + this.generic.baseUrl()
						+ ", not SCB's " + productionGeneric
						+ ": set scb.allow-other-base-url=true if that is intended");
			}
		}
		else if (gdbBaseUrl().getHost().equals(productionGdb.getHost()) || (this.generic.baseUrl() != null
				&& productionGeneric != null && this.generic.baseUrl().getHost().equals(productionGeneric.getHost()))) {
			return Optional.of("scb.environment is " + this.environment.key()
					+ " but a base URL points at SCB's production hosts: set scb.environment=production to deliver"
					+ " there, or scb.allow-other-base-url=true if that is intended");
		}
		return Optional.empty();
	}

	/** The GDB base URL to use: the configured one, else the environment's. */
	public URI gdbBaseUrl() {
		return (this.gdb.baseUrl() != null) ? this.gdb.baseUrl() : this.environment.gdbBaseUrl();
	}

	/**
	 * The generic service's base URL: the configured one, else the environment's.
	 * @throws IllegalArgumentException when the environment has no known one (SCB's
	 * documents name only the production host) and none is configured
	 */
	public URI genericBaseUrl() {
		if (this.generic.baseUrl() != null) {
			return this.generic.baseUrl();
		}
		if (this.environment.genericBaseUrl() == null) {
			throw new IllegalArgumentException("scb.generic.base-url is not set, and SCB's documents name no "
					+ this.environment.key() + " host for the generic delivery service: set it");
		}
		return this.environment.genericBaseUrl();
	}

	/**
	 * SCB's generic delivery service. The help pages name neither the first call's path
	 * nor the status endpoint's, so both are settings.
	 *
	 * @param baseUrl the generic service's base, ending in /API/; default: the
	 * environment's (SCB names only the production host)
	 * @param heartbeatPath the first call's path, relative to the base URL
	 * @param statusPath the ticket status endpoint's path, with {ticket} for the ticket
	 * @param maxResultBytes the largest validation result read from SCB, in bytes
	 */
	public record Generic(@Nullable URI baseUrl, @DefaultValue("api/v1/heartbeat") String heartbeatPath,
			@DefaultValue("api/v1/status/{ticket}") String statusPath, @DefaultValue("16777216") int maxResultBytes) {

		public Generic {
			baseUrl = (baseUrl == null || baseUrl.toString().isBlank()) ? null : baseUrl;
		}

	}

	/**
	 * GDB M2M v2 (VINN and KRITA).
	 *
	 * @param baseUrl GDB v2's base, ending in /m2m/v2/; default: the environment's
	 */
	public record Gdb(@Nullable URI baseUrl) {

		public Gdb {
			baseUrl = (baseUrl == null || baseUrl.toString().isBlank()) ? null : baseUrl;
		}

	}

	/**
	 * The client certificate (mutual TLS) and extra trusted CAs. Passwords come from the
	 * property or from a file; {@link #toString()} never shows them.
	 *
	 * @param keyStore the client certificate and its key, a PKCS12 file
	 * @param keyStorePassword its password (prefer key-store-password-file)
	 * @param keyStorePasswordFile a file holding its password, such as a mounted Secret
	 * @param keyStoreType the key store's type
	 * @param trustStore extra CAs to trust for SCB's (or a stand-in's) server certificate
	 * @param trustStorePassword its password (prefer trust-store-password-file)
	 * @param trustStorePasswordFile a file holding its password
	 * @param trustStoreType the trust store's type
	 * @param expiryWarning warn when the client certificate expires within this long
	 */
	public record Tls(@Nullable Path keyStore, @Nullable String keyStorePassword, @Nullable Path keyStorePasswordFile,
			@DefaultValue("PKCS12") String keyStoreType, @Nullable Path trustStore, @Nullable String trustStorePassword,
			@Nullable Path trustStorePasswordFile, @DefaultValue("PKCS12") String trustStoreType,
			@DefaultValue("30d") Duration expiryWarning) {

		public Tls {
			keyStore = emptyToNull(keyStore);
			keyStorePasswordFile = emptyToNull(keyStorePasswordFile);
			trustStore = emptyToNull(trustStore);
			trustStorePasswordFile = emptyToNull(trustStorePasswordFile);
		}

		private static @Nullable Path emptyToNull(@Nullable Path path) {
			return (path == null || path.toString().isBlank()) ? null : path;
		}

		@Override
		public String toString() {
			return "Tls[keyStore=" + this.keyStore + ", keyStoreType=" + this.keyStoreType + ", trustStore="
					+ this.trustStore + ", expiryWarning=" + this.expiryWarning + ", passwords=<hidden>]";
		}

	}

	/**
	 * Every call to SCB: timeouts, the bounded retry of transient faults, and the cap on
	 * what is read from an answer.
	 *
	 * @param connectTimeout how long connecting to SCB may take
	 * @param responseTimeout how long a call waits for its answer once its request is
	 * sent, and how long sending may stall
	 * @param completionTimeout how long the calls SCB answers only after checking the
	 * whole file wait for their answer instead: GDB's completing fragment -1 and the
	 * generic service's POST. At month-end that check takes minutes, and a call sent
	 * again while SCB still checks the first may leave SCB holding the file twice
	 * @param maxAttempts attempts of a call that meets transient faults (5xx, 429, a
	 * refused or lost connection), the first included
	 * @param initialBackoff the wait before the first retry; it doubles with each one
	 * @param maxBackoff the longest wait between two retries
	 * @param maxRetryAfter the longest Retry-After from SCB that is honoured
	 * @param maxAnswerBytes the largest answer read from SCB, in bytes
	 */
	public record Http(@DefaultValue("10s") Duration connectTimeout, @DefaultValue("2m") Duration responseTimeout,
			@DefaultValue("30m") Duration completionTimeout, @DefaultValue("6") int maxAttempts,
			@DefaultValue("1s") Duration initialBackoff, @DefaultValue("1m") Duration maxBackoff,
			@DefaultValue("5m") Duration maxRetryAfter, @DefaultValue("1048576") int maxAnswerBytes) {

		public Http {
			if (completionTimeout == null || completionTimeout.isZero() || completionTimeout.isNegative()) {
				throw new IllegalArgumentException("scb.http.completion-timeout=" + completionTimeout
						+ " must be a duration above 0, such as 30m");
			}
		}

	}

	/**
	 * Fragmenting and re-uploading.
	 *
	 * @param fragmentSize the bytes in one GDB fragment, 1..9216000 (SCB's largest)
	 * @param systemfelRetries how many times a file SCB answered Systemfel is uploaded
	 * again
	 */
	public record Upload(@DefaultValue("9216000") int fragmentSize, @DefaultValue("2") int systemfelRetries) {

		/** SCB's largest fragment: 1024 × 9000 bytes. */
		public static final int MAX_FRAGMENT_SIZE = 9_216_000;

		public Upload {
			// refused at start, before the job repository is opened
			// (config/SettingsCheck)
			if (fragmentSize < 1 || fragmentSize > MAX_FRAGMENT_SIZE) {
				throw new IllegalArgumentException("scb.upload.fragment-size " + fragmentSize + " must be 1.."
						+ MAX_FRAGMENT_SIZE + " bytes (SCB's largest fragment)");
			}
		}

	}

	/**
	 * Following a delivery until SCB has processed it.
	 *
	 * @param interval the first wait between two polls of one delivery
	 * @param maxInterval the longest wait between two polls, as the wait grows
	 * @param timeout how long a delivery is followed before it fails resumably
	 * @param maxRate the most polls per second this process sends SCB for the deliveries
	 * waiting for its verdict, all of them together
	 */
	public record Poll(@DefaultValue("5s") Duration interval, @DefaultValue("5m") Duration maxInterval,
			@DefaultValue("24h") Duration timeout, @DefaultValue("20") double maxRate) {

		public Poll {
			if (!(maxRate > 0) || Double.isInfinite(maxRate)) {
				throw new IllegalArgumentException(
						"scb.poll.max-rate=" + maxRate + " must be a number of polls per second above 0");
			}
		}

		/** The shortest time between two polls of waiting deliveries. */
		public Duration minSpacing() {
			return Duration.ofNanos(Math.round(1_000_000_000d / this.maxRate));
		}

	}

	/**
	 * When a running execution counts as dead (its process stopped renewing its lease).
	 *
	 * @param staleAfter an execution whose owner stopped renewing its lease this long ago
	 * is dead and may be recovered
	 */
	public record Recovery(@DefaultValue("2m") Duration staleAfter) {

		/** Renew well inside the stale period so one slow renewal is not fatal. */
		public Duration renewEvery() {
			return this.staleAfter.dividedBy(4);
		}

	}

	/**
	 * The job repository being unreachable (a database failing over or restarting): how
	 * long every delivery waits for it, keeping what SCB told it in memory and calling
	 * SCB no further, before it gives up and stops resumably.
	 *
	 * @param outageTolerance how long a delivery rides out a job repository it cannot
	 * write to before it stops resumably
	 */
	public record Repository(@DefaultValue("5m") Duration outageTolerance) {

		public Repository {
			if (outageTolerance.isNegative()) {
				throw new IllegalArgumentException(
						"scb.repository.outage-tolerance=" + outageTolerance + " must not be negative");
			}
		}

	}

	/**
	 * The inbox that {@code scan} reads. A file whose size or modification time changes
	 * within {@code settle} is still being written and waits for the next scan. After a
	 * final outcome, a file may be moved to {@code done-dir} (loaded) or
	 * {@code failed-dir} (rejected), keeping its folders; hidden folders inside the inbox
	 * are never scanned, so these may live there.
	 *
	 * @param doneDir where a loaded file moves, keeping its folders; unset: it stays
	 * @param failedDir where a rejected file moves, keeping its folders; unset: it stays
	 * @param settle a file whose size or time changes within this long is still being
	 * written and waits for the next scan
	 */
	public record Inbox(@Nullable Path doneDir, @Nullable Path failedDir, @DefaultValue("2s") Duration settle) {

		public Inbox {
			doneDir = (doneDir == null || doneDir.toString().isBlank()) ? null : doneDir;
			failedDir = (failedDir == null || failedDir.toString().isBlank()) ? null : failedDir;
		}

	}

	/**
	 * Stopping on SIGTERM (Kubernetes stopping a pod): running deliveries stop at the
	 * next fragment or poll and are recorded as STOPPED, within {@code grace}; a later
	 * run resumes them. Keep the pod's terminationGracePeriodSeconds above it.
	 *
	 * @param grace how long a SIGTERM waits for the running deliveries to stop
	 */
	public record Shutdown(@DefaultValue("20s") Duration grace) {
	}

	/**
	 * What the console log looks like. {@code logback-spring.xml} reads the setting
	 * itself, before this record is bound; binding it rejects a value other than
	 * {@code text} or {@code json} at start-up instead of silently falling back to text.
	 *
	 * @param format the console log: text for a person, json for a log platform
	 */
	public record Log(@DefaultValue("text") Format format) {

		/** One line per event: text for a person, a JSON object for a log platform. */
		public enum Format {

			TEXT, JSON

		}

	}

	/**
	 * Whether the command line runs once the application has started; {@code false}
	 * starts the application without running a command (the in-context tests do).
	 *
	 * @param enabled whether the command line runs once the application has started
	 */
	public record Cli(@DefaultValue("true") boolean enabled) {
	}

	/**
	 * Where reports go.
	 *
	 * @param dir the folder for each delivery's JSON report and each scan's summaries
	 */
	public record Report(@DefaultValue("./reports") Path dir) {
	}

}
