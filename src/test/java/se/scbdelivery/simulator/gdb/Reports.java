package se.scbdelivery.simulator.gdb;

import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;

import org.jspecify.annotations.Nullable;

/** Fictitious report files for the stand-in's tests. */
final class Reports {

	private static final byte[] UTF8_BOM = { (byte) 0xEF, (byte) 0xBB, (byte) 0xBF };

	private Reports() {
	}

	/**
	 * A well-formed UTF-8 report starting with a byte order mark, of about {@code rows} ×
	 * 100 bytes, full of multi-byte characters so that fragment boundaries fall inside
	 * them.
	 * @param outcome the {@code <?scb-simulator outcome=...?>} to steer history, or
	 * {@code null}
	 */
	static byte[] report(@Nullable String outcome, int rows) {
		StringBuilder xml = new StringBuilder("<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n");
		if (outcome != null) {
			xml.append("<?scb-simulator outcome=\"").append(outcome).append("\"?>\n");
		}
		xml.append("<Rapport program=\"VINN\" uppgiftslämnare=\"9990000045\">\n");
		for (int row = 0; row < rows; row++) {
			xml.append("  <Innehav rad=\"")
				.append(row)
				.append("\">Värdepapper Åäö €")
				.append(row * 7919 % 1000)
				.append(" – ½ ✓ 𝄞</Innehav>\n");
		}
		xml.append("</Rapport>\n");
		ByteArrayOutputStream bytes = new ByteArrayOutputStream();
		bytes.writeBytes(UTF8_BOM);
		bytes.writeBytes(xml.toString().getBytes(StandardCharsets.UTF_8));
		return bytes.toByteArray();
	}

	static byte[] report(int rows) {
		return report(null, rows);
	}

}
