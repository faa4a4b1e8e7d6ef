package se.scbdelivery.delivery;

import org.springframework.batch.core.launch.support.ExitCodeMapper;

/** Maps a delivery job's exit status to the process exit code; anything unknown is 1. */
public class DeliveryExitCodes implements ExitCodeMapper {

	@Override
	public int intValue(String exitCode) {
		return DeliveryOutcome.ofExitCode(exitCode).exitCode();
	}

}
