package se.scbdelivery.simulator.generic;

import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;

import org.jspecify.annotations.Nullable;

/**
 * Watches a delivered file's bytes go by, in one pass and in bounded memory, for what the
 * simulated validation needs: whether {@link #FAIL_MARKER} occurs anywhere (also across
 * chunk boundaries), and the first rows that contain a {@code ;}. Not thread-safe.
 */
final class GenericContentScanner {

	/** Content with this ASCII text fails the generic service's simulated validation. */
	static final String FAIL_MARKER = "scb-simulator:validation=fail";

	private static final byte[] MARKER = FAIL_MARKER.getBytes(StandardCharsets.US_ASCII);

	/** How many rows with a {@code ;} the row errors quote. */
	private static final int ROWS = 2;

	/**
	 * Bytes kept of one row; a longer row is quoted cut short, as a huge row must not
	 * fill the memory.
	 */
	private static final int ROW_LIMIT = 1000;

	/**
	 * Knuth-Morris-Pratt: how much of the marker still matches after a mismatch at each
	 * position.
	 */
	private static final int[] FALLBACK = fallback(MARKER);

	private int matched;

	private boolean markerFound;

	private final ByteArrayOutputStream row = new ByteArrayOutputStream();

	private boolean rowHasSemicolon;

	private @Nullable String firstRow;

	private final List<String> rowsWithSemicolon = new ArrayList<>();

	void scan(byte[] bytes, int offset, int length) {
		for (int i = offset; i < offset + length && !(this.markerFound && this.rowsWithSemicolon.size() == ROWS); i++) {
			byte b = bytes[i];
			if (!this.markerFound) {
				match(b);
			}
			if (this.rowsWithSemicolon.size() < ROWS) {
				collect(b);
			}
		}
	}

	/** Ends the last row, which may have no line break. */
	void finish() {
		if (this.row.size() > 0 || this.rowHasSemicolon) {
			endRow();
		}
	}

	boolean markerFound() {
		return this.markerFound;
	}

	/**
	 * The first two rows with a {@code ;}, without their line break, decoded as UTF-8;
	 * fewer when the file has fewer, and the first row when none has one.
	 */
	List<String> rowsWithSemicolon() {
		if (this.rowsWithSemicolon.isEmpty() && this.firstRow != null) {
			return List.of(this.firstRow);
		}
		return List.copyOf(this.rowsWithSemicolon);
	}

	private void match(byte b) {
		while (this.matched > 0 && MARKER[this.matched] != b) {
			this.matched = FALLBACK[this.matched - 1];
		}
		if (MARKER[this.matched] == b) {
			this.matched++;
		}
		if (this.matched == MARKER.length) {
			this.markerFound = true;
		}
	}

	private void collect(byte b) {
		if (b == '\n') {
			endRow();
			return;
		}
		if (b == ';') {
			this.rowHasSemicolon = true;
		}
		if (this.row.size() < ROW_LIMIT) {
			this.row.write(b);
		}
	}

	private void endRow() {
		String text = this.row.toString(StandardCharsets.UTF_8);
		if (text.endsWith("\r")) {
			text = text.substring(0, text.length() - 1);
		}
		if (this.firstRow == null) {
			this.firstRow = text;
		}
		if (this.rowHasSemicolon) {
			this.rowsWithSemicolon.add(text);
		}
		this.row.reset();
		this.rowHasSemicolon = false;
	}

	private static int[] fallback(byte[] pattern) {
		int[] fallback = new int[pattern.length];
		int length = 0;
		for (int i = 1; i < pattern.length; i++) {
			while (length > 0 && pattern[i] != pattern[length]) {
				length = fallback[length - 1];
			}
			if (pattern[i] == pattern[length]) {
				length++;
			}
			fallback[i] = length;
		}
		return fallback;
	}

}
