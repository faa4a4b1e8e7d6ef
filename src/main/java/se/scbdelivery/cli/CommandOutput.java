package se.scbdelivery.cli;

import java.io.PrintWriter;
import java.util.function.Consumer;

/** Lines a long command prints while it runs (its progress), each flushed at once. */
final class CommandOutput {

	private CommandOutput() {
	}

	static Consumer<String> lines(PrintWriter out) {
		return (line) -> {
			synchronized (out) {
				out.println(line);
				out.flush();
			}
		};
	}

}
