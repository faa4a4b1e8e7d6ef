package se.scbdelivery.delivery;

import java.util.List;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicReference;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import sun.misc.Signal;
import sun.misc.SignalHandler;

/**
 * Which signal asked this process to stop. The JVM's own handlers start the shutdown (and
 * with it the graceful stop) and end the process with 128 plus the signal's number; they
 * stay in place, called after the signal is noted, so that the stop a summary reports and
 * the exit code a scheduler sees are the same. A JVM that does not let a handler in
 * ({@code -Xrs}) stops as before, its stop reported without the signal's name.
 */
public final class StopSignals {

	private static final Logger logger = LoggerFactory.getLogger(StopSignals.class);

	private static final List<String> STOPPING = List.of("TERM", "INT", "HUP");

	private static final AtomicReference<StopRequest> received = new AtomicReference<>();

	private static volatile boolean installed;

	private StopSignals() {
	}

	/** Notes the stop signals from now on; once per JVM, as signals are the JVM's. */
	public static synchronized void install() {
		if (installed) {
			return;
		}
		installed = true;
		for (String name : STOPPING) {
			try {
				Signal signal = new Signal(name);
				AtomicReference<SignalHandler> jvm = new AtomicReference<>();
				jvm.set(Signal.handle(signal, (caught) -> {
					received.compareAndSet(null, StopRequest.of(caught.getName(), caught.getNumber()));
					SignalHandler shutdown = jvm.get();
					if (shutdown != null) {
						shutdown.handle(caught);
					}
					else {
						// caught before the JVM's handler was known: end as it would have
						System.exit(128 + caught.getNumber());
					}
				}));
				if (jvm.get() == SignalHandler.SIG_DFL || jvm.get() == SignalHandler.SIG_IGN) {
					// not the JVM's shutdown (an ignored SIGHUP under nohup, say): left
					// as it was
					Signal.handle(signal, jvm.get());
				}
			}
			catch (IllegalArgumentException ex) {
				logger.debug("Signal {} is not available to this JVM: {}", name, ex.getMessage());
			}
		}
	}

	/** The stop signal this process received, if any. */
	public static Optional<StopRequest> received() {
		return Optional.ofNullable(received.get());
	}

}
