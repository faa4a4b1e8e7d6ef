package se.scbdelivery.simulator.gdb;

import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;

import org.junit.jupiter.api.Test;

import se.scbdelivery.simulator.gdb.GdbMultipartForm.FilePart;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;

/**
 * The multipart reader keeps binary content byte for byte and finds the File part among
 * others.
 */
class GdbMultipartFormTest {

	@Test
	void binaryContentWithLineBreaksAndDashesIsKeptExactly() {
		ByteArrayOutputStream content = new ByteArrayOutputStream();
		for (int i = 0; i < 4096; i++) {
			content.write((i * 31 + 7) & 0xFF);
		}
		content.writeBytes("\r\n--scb-test-boundary\r\n--".getBytes(StandardCharsets.US_ASCII));
		byte[] bytes = content.toByteArray();

		FilePart part = GdbMultipartForm.filePart("multipart/form-data; boundary=scb-test-boundary-7f3a",
				GdbTestClient.multipart("File", "data.bin", bytes));

		assertThat(part.content()).isEqualTo(bytes);
		assertThat(part.fileName()).isEqualTo("data.bin");
	}

	@Test
	void filePartIsFoundAfterAPreambleAndOtherPartsWithAQuotedBoundary() {
		String body = "preamble mentioning --b1 in passing\r\n"
				+ "--b1\r\nContent-Disposition: form-data; name=\"comment\"\r\n\r\nhello\r\n"
				+ "--b1\r\ncontent-disposition: form-data; filename=\"r\\\"ä\\\".xml\"; name=File\r\n\r\n<a/>\r\n"
				+ "--b1--\r\nepilogue";

		FilePart part = GdbMultipartForm.filePart("Multipart/Form-Data; charset=utf-8; boundary=\"b1\"",
				body.getBytes(StandardCharsets.UTF_8));

		assertThat(part.fileName()).isEqualTo("r\"ä\".xml");
		assertThat(new String(part.content(), StandardCharsets.UTF_8)).isEqualTo("<a/>");
	}

	@Test
	void emptyFilePartIsAccepted() {
		FilePart part = GdbMultipartForm.filePart("multipart/form-data; boundary=scb-test-boundary-7f3a",
				GdbTestClient.multipart("File", "rapport.xml", new byte[0]));

		assertThat(part.content()).isEmpty();
	}

	@Test
	void malformedBodiesAreRefusedSayingWhy() {
		String type = "multipart/form-data; boundary=b1";
		assertThatIllegalArgumentException().isThrownBy(() -> GdbMultipartForm.filePart(type, bytes("no parts here")))
			.withMessageContaining("boundary from Content-Type does not occur");
		assertThatIllegalArgumentException()
			.isThrownBy(() -> GdbMultipartForm.filePart(type,
					bytes("--b1\r\nContent-Disposition: form-data; name=\"File\"; filename=\"a\"\r\n\r\n<a/>")))
			.withMessageContaining("not closed by the boundary");
		assertThatIllegalArgumentException()
			.isThrownBy(() -> GdbMultipartForm.filePart(type,
					bytes("--b1\r\nContent-Disposition: form-data; name=\"File\"\r\n\r\n<a/>\r\n--b1--")))
			.withMessageContaining("has no filename");
		assertThatIllegalArgumentException().isThrownBy(() -> GdbMultipartForm.filePart(type,
				bytes("--b1\r\nContent-Disposition: form-data; name=\"File\"; filename=\"a\"\r\n\r\n1\r\n"
						+ "--b1\r\nContent-Disposition: form-data; name=\"File\"; filename=\"b\"\r\n\r\n2\r\n--b1--")))
			.withMessageContaining("it has 2");
		assertThatIllegalArgumentException().isThrownBy(() -> GdbMultipartForm.filePart(null, bytes("")))
			.withMessageContaining("Content-Type is missing");
	}

	private static byte[] bytes(String text) {
		return text.getBytes(StandardCharsets.UTF_8);
	}

}
