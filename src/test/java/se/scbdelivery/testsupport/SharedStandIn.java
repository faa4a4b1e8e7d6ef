package se.scbdelivery.testsupport;

import se.scbdelivery.simulator.ScbStandIn;
import se.scbdelivery.simulator.StandInOptions;

/**
 * One plain-HTTP stand-in for the whole test JVM, so that cached Spring contexts keep a
 * base URL that answers. Tests {@link ScbStandIn#reset() reset} it before they start.
 */
public final class SharedStandIn {

	private static ScbStandIn standIn;

	private SharedStandIn() {
	}

	public static synchronized ScbStandIn get() {
		if (standIn == null) {
			standIn = ScbStandIn.start(StandInOptions.defaults().withPort(0).withPollsBeforeFinal(2));
			Runtime.getRuntime().addShutdownHook(new Thread(standIn::close));
		}
		return standIn;
	}

}
