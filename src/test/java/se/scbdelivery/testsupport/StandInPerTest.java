package se.scbdelivery.testsupport;

import org.jspecify.annotations.Nullable;
import org.junit.jupiter.api.extension.AfterEachCallback;
import org.junit.jupiter.api.extension.ExtensionContext;

import se.scbdelivery.simulator.ScbStandIn;
import se.scbdelivery.simulator.StandInOptions;

/**
 * A stand-in a test starts with the options it needs, closed after the test:
 * {@code @RegisterExtension final StandInPerTest standIns = new StandInPerTest();}.
 */
public final class StandInPerTest implements AfterEachCallback {

	private @Nullable ScbStandIn running;

	/** Starts this test's stand-in; one per test. */
	public ScbStandIn start(StandInOptions options) {
		if (this.running != null) {
			throw new IllegalStateException("this test's stand-in was started already");
		}
		this.running = ScbStandIn.start(options);
		return this.running;
	}

	@Override
	public void afterEach(ExtensionContext context) {
		if (this.running != null) {
			this.running.close();
			this.running = null;
		}
	}

}
