package se.scbdelivery.delivery;

import java.util.Locale;

/**
 * A stop asked of this process from outside: Kubernetes stopping the pod (SIGTERM), a
 * person's Ctrl-C (SIGINT), a closed terminal (SIGHUP). The JVM then ends with 128 plus
 * the signal's number, whatever the command would have returned, and every summary says
 * so.
 *
 * @param signal the signal's name as people write it, {@code SIGTERM}
 * @param processExitCode what the process ends with: 143 for SIGTERM, 130 for SIGINT
 */
public record StopRequest(String signal, int processExitCode) {

	static StopRequest of(String name, int number) {
		return new StopRequest("SIG" + name.toUpperCase(Locale.ROOT), 128 + number);
	}

	/** How a summary's first line says it. */
	public String describe() {
		return "stopped on request by " + this.signal + ": the process exits " + this.processExitCode;
	}

}
