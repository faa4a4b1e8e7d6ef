package se.scbdelivery.delivery;

import java.util.Optional;

/**
 * The SCB service a delivery goes through. Its key is the identifying {@code api} job
 * parameter, and each channel has its own job, so both are stored in every job repository
 * and never change.
 */
public enum Channel {

	/**
	 * SCB's GDB M2M v2 API (VINN and KRITA): fragments, a DeliveryId, {@code history/}.
	 */
	GDB("gdb", "gdbDelivery"),

	/** SCB's generic delivery service: one POST, a ticket, a validation result. */
	GENERIC("generic", "genericDelivery");

	private final String key;

	private final String jobName;

	Channel(String key, String jobName) {
		this.key = key;
		this.jobName = jobName;
	}

	/** The value of the {@code api} job parameter. */
	public String key() {
		return this.key;
	}

	/** The name of the channel's job in the job repository. */
	public String jobName() {
		return this.jobName;
	}

	/**
	 * The channel whose key this is; GDB for a missing key, as executions before the
	 * generic channel had none.
	 */
	public static Channel ofKey(String key) {
		return GENERIC.key.equals(key) ? GENERIC : GDB;
	}

	/** The channel whose job has this name, if any. */
	public static Optional<Channel> ofJobName(String jobName) {
		for (Channel channel : values()) {
			if (channel.jobName.equals(jobName)) {
				return Optional.of(channel);
			}
		}
		return Optional.empty();
	}

}
