package se.scbdelivery.delivery;

/** What identifies a file's content: its SHA-256 (lower-case hex) and size in bytes. */
public record FileFingerprint(String sha256, long size) {

}
