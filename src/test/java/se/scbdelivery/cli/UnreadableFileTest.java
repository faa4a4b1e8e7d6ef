package se.scbdelivery.cli;

import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import se.scbdelivery.simulator.ScbStandIn;
import se.scbdelivery.simulator.StandInOptions;
import se.scbdelivery.testsupport.ChildJvm;
import se.scbdelivery.testsupport.CliResult;
import se.scbdelivery.testsupport.InProcessCli;
import se.scbdelivery.testsupport.ProductSettings;
import se.scbdelivery.testsupport.TestFiles;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * A file the program may not read is invalid input: one line, exit 2, nothing sent. Root
 * reads every file whatever its mode, so when the tests run as root (as CI does) the
 * program runs as {@code nobody}, from a copy of the classpath that user can read.
 */
class UnreadableFileTest {

	@TempDir
	Path dir;

	@Test
	void aFileTheProgramMayNotReadIsInvalidInputAndNothingIsSent() throws Exception {
		Path work = Files.createDirectories(this.dir.resolve("work"));
		Path file = TestFiles.xml(work.resolve("inbox"), "secret.xml", 600, null);
		Files.setPosixFilePermissions(file, PosixFilePermissions.fromString("---------"));
		try (ScbStandIn scb = ScbStandIn.start(StandInOptions.defaults().withPollsBeforeFinal(1))) {
			ProductSettings settings = ProductSettings.standard(UnreadableFileTest.class, work).standIn(scb);
			String[] deliver = { "deliver", "--file", file.toString(), "--org", "999000-0045", "--program", "VINN",
					"--period", "2024-06-30", "--format", "V40" };

			CliResult result = "root".equals(System.getProperty("user.name"))
					? ChildJvm.withSettings(settings).asUser("nobody").workingDirectory(work).run(deliver)
					: InProcessCli.run(settings, deliver);

			assertThat(result.exitCode()).as(result.toString()).isEqualTo(2);
			assertThat(result.err()).contains("error: file " + file + " cannot be read: check its permissions");
			assertThat(scb.heartbeatCount()).isZero();
			assertThat(scb.fragments()).isEmpty();
		}
	}

}
