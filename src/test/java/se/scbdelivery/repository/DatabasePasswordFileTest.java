package se.scbdelivery.repository;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import se.scbdelivery.testsupport.ChildJvm;
import se.scbdelivery.testsupport.CliResult;
import se.scbdelivery.testsupport.ProductSettings;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The database password as a file of a mounted Secret, as the Kubernetes kit gives it:
 * the operator's {@code config/application.yml} imports the folder as Spring Boot's
 * config tree, and the file named {@code spring.datasource.password} (with the trailing
 * newline an editor leaves) is the password. The repository here is an H2 file created
 * with that password, so a wrong file is refused by the database itself.
 */
class DatabasePasswordFileTest {

	private static final String PASSWORD = "db-pass-6a1e";

	@TempDir
	Path dir;

	@Test
	void thePasswordIsReadFromTheMountedFileAndNeverShown() throws IOException {
		Path secret = Files.createDirectories(this.dir.resolve("etc/scb/db"));
		Path passwordFile = secret.resolve("spring.datasource.password");
		Files.writeString(passwordFile, PASSWORD + "\n");
		Path work = Files.createDirectories(this.dir.resolve("app/config")).getParent();
		Files.writeString(work.resolve("config/application.yml"), """
				spring:
				  config:
				    import: "optional:configtree:%s/"
				  datasource:
				    username: scb_delivery
				""".formatted(secret));
		ProductSettings settings = ProductSettings.standard(DatabasePasswordFileTest.class, this.dir)
			.h2File(this.dir.resolve("repository"));
		ChildJvm program = ChildJvm.withSettings(settings).workingDirectory(work);

		CliResult created = program.run("list");

		assertThat(created.exitCode()).as(created.toString()).isZero();

		Files.writeString(passwordFile, "not-the-password\n");
		CliResult wrong = program.run("list");

		assertThat(wrong.exitCode()).as(wrong.toString()).isNotZero();
		assertThat(wrong.err()).contains("error: the job repository refused the user name or password")
			.contains("check spring.datasource.username and spring.datasource.password")
			.doesNotContain("not-the-password")
			.doesNotContain("\tat ");

		Files.writeString(passwordFile, PASSWORD + "\n");
		CliResult right = program.run("list");

		assertThat(right.exitCode()).as(right.toString()).isZero();
		for (CliResult result : new CliResult[] { created, wrong, right }) {
			assertThat(result.out() + result.err()).doesNotContain(PASSWORD);
		}
		assertThat(Files.readString(settings.logFile())).doesNotContain(PASSWORD).doesNotContain("not-the-password");
	}

}
