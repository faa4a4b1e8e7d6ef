package se.scbdelivery.simulator.gdb;

import org.jspecify.annotations.Nullable;

/**
 * One {@code POST file/{fragment}/...} the stand-in received, as it arrived: path
 * segments decoded but not validated, so a test can see exactly what a client sent.
 *
 * @param index the fragment index; -1 completes the upload
 * @param version the version segment, or {@code null} when the path ended in
 * {@code {fileName}/} (or at the file name)
 * @param partBytes the size of the {@code File} part, or -1 when the body had no usable
 * one
 * @param partFileName the {@code File} part's filename, or {@code null} when there was
 * none
 * @param sessionId the heartbeat session the request belonged to, or {@code null} when it
 * carried no valid session cookies
 * @param status the HTTP status answered, or {@link #NO_ANSWER} while a gate holds the
 * request or when a drop fault closed the connection without one
 */
public record ReceivedFragment(int index, String organisation, String program, String period, String format,
		String fileName, @Nullable String version, int partBytes, @Nullable String partFileName,
		@Nullable String sessionId, int status) {

	/**
	 * The {@link #status()} of a request that has not been, or never will be, answered.
	 */
	public static final int NO_ANSWER = 0;

	ReceivedFragment answered(int answeredStatus) {
		return new ReceivedFragment(this.index, this.organisation, this.program, this.period, this.format,
				this.fileName, this.version, this.partBytes, this.partFileName, this.sessionId, answeredStatus);
	}

	@Override
	public String toString() {
		return "ReceivedFragment[index=" + this.index + ", " + this.organisation + "/" + this.program + "/"
				+ this.period + "/" + this.format + "/" + this.fileName + "/"
				+ ((this.version != null) ? this.version : "") + ", partBytes=" + this.partBytes + ", partFileName="
				+ this.partFileName + ", session=" + ((this.sessionId != null) ? "<hidden>" : "none") + ", status="
				+ this.status + "]";
	}

}
