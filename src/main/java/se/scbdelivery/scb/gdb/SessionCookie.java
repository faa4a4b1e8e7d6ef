package se.scbdelivery.scb.gdb;

/** One cookie the heartbeat's answer set. Its value is a session token: never shown. */
public record SessionCookie(String name, String value) {

	@Override
	public String toString() {
		return this.name + "=<hidden>";
	}

}
