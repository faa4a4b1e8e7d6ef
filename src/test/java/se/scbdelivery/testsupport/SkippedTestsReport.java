package se.scbdelivery.testsupport;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;

import org.junit.platform.engine.TestExecutionResult;
import org.junit.platform.launcher.TestExecutionListener;
import org.junit.platform.launcher.TestIdentifier;
import org.junit.platform.launcher.TestPlan;

/**
 * Writes every skipped or aborted test with its reason to
 * {@code target/skipped-tests.txt}, which the build prints on the console after the tests
 * (pom.xml, antrun in the test phase): surefire's console says only how many were
 * skipped, and its reports are files nobody opens. Registered in
 * {@code META-INF/services}.
 */
public class SkippedTestsReport implements TestExecutionListener {

	static final Path FILE = TestOutput.target().resolve("skipped-tests.txt");

	@Override
	public void testPlanExecutionStarted(TestPlan testPlan) {
		try {
			Files.deleteIfExists(FILE);
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
	}

	@Override
	public void executionSkipped(TestIdentifier test, String reason) {
		write(test, reason);
	}

	@Override
	public void executionFinished(TestIdentifier test, TestExecutionResult result) {
		if (result.getStatus() == TestExecutionResult.Status.ABORTED) {
			write(test, result.getThrowable().map(Throwable::getMessage).orElse("aborted, no reason given"));
		}
	}

	private static void write(TestIdentifier test, String reason) {
		String where = test.getLegacyReportingName();
		String line = "SKIPPED " + test.getUniqueIdObject()
			.getSegments()
			.stream()
			.filter((segment) -> segment.getType().equals("class") || segment.getType().equals("nested-class"))
			.map((segment) -> segment.getValue().substring(segment.getValue().lastIndexOf('.') + 1))
			.reduce((outer, inner) -> outer + "$" + inner)
			.orElse("") + " " + where + ": " + reason + System.lineSeparator();
		try {
			Files.writeString(FILE, line, StandardCharsets.UTF_8, StandardOpenOption.CREATE, StandardOpenOption.APPEND);
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
	}

}
