package se.scbdelivery.simulator.gdb;

import java.io.BufferedInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import javax.xml.XMLConstants;
import javax.xml.parsers.ParserConfigurationException;
import javax.xml.parsers.SAXParser;
import javax.xml.parsers.SAXParserFactory;

import org.jspecify.annotations.Nullable;
import org.xml.sax.SAXException;
import org.xml.sax.SAXParseException;
import org.xml.sax.helpers.DefaultHandler;

/**
 * Checks that an assembled file is well-formed XML and reads the stand-in's steering
 * instruction {@code <?scb-simulator outcome="TEXT" progress="N"?>} from it. Uses the
 * JDK's SAX parser rather than a DOM: files can be many fragments of 9 MB, and nothing
 * needs a tree. DTDs are neither loaded nor used to resolve external entities, so a file
 * cannot make the stand-in read local files or the network.
 */
final class GdbXmlCheck {

	private static final String INSTRUCTION = "scb-simulator";

	private static final Pattern PSEUDO_ATTRIBUTE = Pattern.compile("([A-Za-z]+)\\s*=\\s*(?:\"([^\"]*)\"|'([^']*)')");

	/**
	 * What {@code <?scb-simulator ...?>} asked for; both {@code null} when the file had
	 * none.
	 */
	record Steering(@Nullable String outcome, @Nullable Integer progress) {

	}

	/**
	 * The file is not well-formed XML; the message is the parser's, with line and column.
	 */
	static final class NotWellFormedException extends Exception {

		NotWellFormedException(String message) {
			super(message);
		}

	}

	private GdbXmlCheck() {
	}

	static Steering check(Path xml) throws NotWellFormedException {
		SteeringHandler handler = new SteeringHandler();
		try (InputStream in = new BufferedInputStream(Files.newInputStream(xml), 256 * 1024)) {
			newParser().parse(in, handler);
		}
		catch (SAXParseException ex) {
			throw new NotWellFormedException(
					"line " + ex.getLineNumber() + ", column " + ex.getColumnNumber() + ": " + ex.getMessage());
		}
		catch (SAXException | IOException ex) {
			throw new NotWellFormedException(String.valueOf(ex.getMessage()));
		}
		return new Steering(handler.outcome, handler.progress);
	}

	private static SAXParser newParser() throws SAXException {
		try {
			SAXParserFactory factory = SAXParserFactory.newInstance();
			factory.setNamespaceAware(true);
			factory.setFeature(XMLConstants.FEATURE_SECURE_PROCESSING, true);
			factory.setFeature("http://xml.org/sax/features/external-general-entities", false);
			factory.setFeature("http://xml.org/sax/features/external-parameter-entities", false);
			factory.setFeature("http://apache.org/xml/features/nonvalidating/load-external-dtd", false);
			SAXParser parser = factory.newSAXParser();
			parser.setProperty(XMLConstants.ACCESS_EXTERNAL_DTD, "");
			parser.setProperty(XMLConstants.ACCESS_EXTERNAL_SCHEMA, "");
			return parser;
		}
		catch (ParserConfigurationException ex) {
			throw new IllegalStateException("the JDK's SAX parser cannot be configured safely", ex);
		}
	}

	private static final class SteeringHandler extends DefaultHandler {

		private @Nullable String outcome;

		private @Nullable Integer progress;

		@Override
		public void processingInstruction(String target, @Nullable String data) throws SAXException {
			if (!INSTRUCTION.equals(target) || data == null) {
				return;
			}
			Matcher matcher = PSEUDO_ATTRIBUTE.matcher(data);
			while (matcher.find()) {
				String value = (matcher.group(2) != null) ? matcher.group(2) : matcher.group(3);
				switch (matcher.group(1)) {
					case "outcome" -> this.outcome = value;
					case "progress" -> this.progress = parseProgress(value);
					default -> {
					}
				}
			}
		}

		private static Integer parseProgress(String value) throws SAXException {
			if (!value.matches("[0-3]")) {
				throw new SAXException("<?scb-simulator progress=\"" + value + "\"?> must be 0, 1, 2 or 3");
			}
			return Integer.valueOf(value);
		}

	}

}
