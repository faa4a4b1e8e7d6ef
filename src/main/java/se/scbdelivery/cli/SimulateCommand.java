package se.scbdelivery.cli;

import java.io.PrintWriter;
import java.nio.file.Path;
import java.time.Duration;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;

import org.jspecify.annotations.Nullable;
import picocli.CommandLine.Command;
import picocli.CommandLine.ITypeConverter;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;
import picocli.CommandLine.TypeConversionException;

import org.springframework.boot.convert.DurationStyle;

import se.scbdelivery.simulator.ScbStandIn;
import se.scbdelivery.simulator.StandInOptions;
import se.scbdelivery.simulator.server.Faults;

@Command(name = "simulate", mixinStandardHelpOptions = true,
		header = "Runs a local stand-in for SCB's two APIs until stopped.",
		description = "Speaks GDB M2M v2 as SCB documents it (heartbeat cookies, multipart fragments, the -1 "
				+ "completion, history statuses that progress over polls) under /m2m/v2/, and the generic delivery "
				+ "service (JSON with base64, tickets, 202 then 302, the result with its errors) under /API/. A GDB "
				+ "file's final status is Inläst unless it holds <?scb-simulator outcome=\"TEXT\"?>; a generic file "
				+ "fails validation when it holds scb-simulator:validation=fail; --processing sets how long SCB takes "
				+ "to process a file, --completion-check how long it checks one before answering its completion; "
				+ "--faults injects failures. Uses no job repository. Stop it with Ctrl-C.")
class SimulateCommand implements Callable<Integer> {

	@Spec
	private CommandSpec spec;

	@Option(names = "--port", defaultValue = "18080", paramLabel = "<port>",
			description = "Port (default ${DEFAULT-VALUE}; 0 = any free one).")
	private int port;

	@Option(names = "--host", defaultValue = "127.0.0.1", paramLabel = "<host>",
			description = "Address to listen on (default ${DEFAULT-VALUE}).")
	private String host;

	@Option(names = "--polls-before-final", defaultValue = "2", paramLabel = "<n>",
			description = "History answers Bearbetar this many times first (default ${DEFAULT-VALUE}).")
	private int pollsBeforeFinal;

	@Option(names = "--tls-key-store", paramLabel = "<p12>", description = "Serve HTTPS with this PKCS12 key store.")
	private @Nullable Path tlsKeyStore;

	@Option(names = "--tls-key-store-password-file", paramLabel = "<file>", description = "Its password, from a file.")
	private @Nullable Path tlsKeyStorePasswordFile;

	@Option(names = "--client-trust-store", paramLabel = "<p12>",
			description = "Require client certificates signed by a CA in this PKCS12 trust store.")
	private @Nullable Path clientTrustStore;

	@Option(names = "--client-trust-store-password-file", paramLabel = "<file>",
			description = "Its password, from a file.")
	private @Nullable Path clientTrustStorePasswordFile;

	@Option(names = "--processing", defaultValue = "0s", paramLabel = "<duration>", converter = ProcessingTime.class,
			description = "SCB's processing time: a delivery's history answers Bearbetar, and a ticket's status 202, "
					+ "until this long after its completion or POST (after the --polls-before-final polls all the "
					+ "same), e.g. 60s, 5m, 500ms or PT1M30S (default ${DEFAULT-VALUE}: at once).")
	private Duration processing;

	@Option(names = "--completion-check", defaultValue = "0s", paramLabel = "<duration>",
			converter = CompletionCheckTime.class,
			description = "How long SCB checks a file before it answers its completing fragment -1 (GDB) or its "
					+ "POST (generic), as at month-end, e.g. 3m or 90s (default ${DEFAULT-VALUE}: at once).")
	private Duration completionCheck;

	@Option(names = "--faults", paramLabel = "<spec>", description = "Faults to inject: " + Faults.GRAMMAR + ".")
	private @Nullable String faults;

	@Override
	public Integer call() throws Exception {
		StandInOptions options = StandInOptions.defaults()
			.withHost(this.host)
			.withPort(this.port)
			.withPollsBeforeFinal(this.pollsBeforeFinal)
			.withProcessing(this.processing)
			.withCompletionCheck(this.completionCheck);
		if (this.tlsKeyStore != null) {
			options = options.withTls(this.tlsKeyStore,
					Secrets.read(this.tlsKeyStorePasswordFile, "--tls-key-store-password-file"));
			if (this.clientTrustStore != null) {
				options = options.withRequiredClientCertificate(this.clientTrustStore,
						Secrets.read(this.clientTrustStorePasswordFile, "--client-trust-store-password-file"));
			}
		}
		CountDownLatch stopped = new CountDownLatch(1);
		try (ScbStandIn standIn = ScbStandIn.start(options)) {
			if (this.faults != null) {
				standIn.faults().apply(this.faults);
			}
			Runtime.getRuntime().addShutdownHook(new Thread(stopped::countDown));
			PrintWriter out = this.spec.commandLine().getOut();
			out.println("SCB stand-in listening - stop it with Ctrl-C");
			out.println("  GDB:     --scb.gdb.base-url=" + standIn.gdbBaseUrl());
			out.println("  generic: --scb.generic.base-url=" + standIn.genericBaseUrl());
			out.flush();
			stopped.await();
		}
		return ExitCodes.OK;
	}

	/** Reads {@code --processing}. */
	static final class ProcessingTime extends ZeroOrMoreDuration {

		ProcessingTime() {
			super("a processing time");
		}

	}

	/** Reads {@code --completion-check}. */
	static final class CompletionCheckTime extends ZeroOrMoreDuration {

		CompletionCheckTime() {
			super("a completion check time");
		}

	}

	/**
	 * Reads a duration such as 60s, 5m, 500ms or ISO-8601's PT1M30S, zero or more.
	 */
	abstract static class ZeroOrMoreDuration implements ITypeConverter<Duration> {

		private final String what;

		ZeroOrMoreDuration(String what) {
			this.what = what;
		}

		@Override
		public Duration convert(String value) {
			Duration processing;
			try {
				processing = DurationStyle.detectAndParse(value.trim());
			}
			catch (IllegalArgumentException ex) {
				processing = null;
			}
			if (processing == null || processing.isNegative()) {
				throw new TypeConversionException("'" + value + "' is not " + this.what
						+ ": give a duration of zero or more, such as 60s, 5m, 500ms or PT1M30S");
			}
			return processing;
		}

	}

}
