package se.scbdelivery.repository;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;

import javax.sql.DataSource;

import com.zaxxer.hikari.HikariDataSource;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import org.springframework.boot.Banner;
import org.springframework.boot.WebApplicationType;
import org.springframework.boot.autoconfigure.ImportAutoConfiguration;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.boot.jdbc.autoconfigure.DataSourceAutoConfiguration;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.context.annotation.Configuration;

import se.scbdelivery.testsupport.TestOutput;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatExceptionOfType;

/**
 * The listener in a Spring Boot application of its own, with nothing but Boot's data
 * source: the URL the data source gets, from the command line or a configuration file,
 * and what H2 then runs with; a refusal before the database is opened.
 */
class DurableJobRepositoryUrlTest {

	@TempDir
	Path dir;

	@Test
	void aPlainUrlOnTheCommandLineReachesTheDataSourceWithBothSettings() throws SQLException {
		String url = "jdbc:h2:file:" + this.dir.resolve("jobrepo");

		try (ConfigurableApplicationContext context = start("--spring.datasource.url=" + url)) {
			DataSource dataSource = context.getBean(DataSource.class);

			assertThat(((HikariDataSource) dataSource).getJdbcUrl())
				.isEqualTo(url + ";DB_CLOSE_ON_EXIT=FALSE;WRITE_DELAY=0");
			assertThat(writeDelay(dataSource)).as("H2's WRITE_DELAY").isEqualTo("0");
		}
	}

	@Test
	void aPlainUrlInAConfigurationFileReachesTheDataSourceWithBothSettings() throws IOException, SQLException {
		String url = "jdbc:h2:" + this.dir.resolve("jobrepo") + ";MODE=Regular";
		Path config = Files.writeString(this.dir.resolve("application.yml"),
				"spring:\n  datasource:\n    url: \"" + url + "\"\n");

		try (ConfigurableApplicationContext context = start("--spring.config.additional-location=file:" + config)) {
			DataSource dataSource = context.getBean(DataSource.class);

			assertThat(((HikariDataSource) dataSource).getJdbcUrl())
				.isEqualTo(url + ";DB_CLOSE_ON_EXIT=FALSE;WRITE_DELAY=0");
			assertThat(writeDelay(dataSource)).as("H2's WRITE_DELAY").isEqualTo("0");
		}
	}

	@Test
	void aContradictingUrlStopsTheStartBeforeTheDatabaseIsOpened() {
		Path file = this.dir.resolve("jobrepo");

		assertThatExceptionOfType(UnsafeJobRepositoryUrlException.class)
			.isThrownBy(() -> start("--spring.datasource.url=jdbc:h2:file:" + file + ";WRITE_DELAY=500").close())
			.withMessageStartingWith("spring.datasource.url (on the command line) sets WRITE_DELAY=500, ");
		assertThat(this.dir.resolve("jobrepo.mv.db")).doesNotExist();
	}

	@Test
	void anInMemoryUrlIsLeftAsItIs() {
		try (ConfigurableApplicationContext context = start("--spring.datasource.url=jdbc:h2:mem:durable-test")) {
			assertThat(((HikariDataSource) context.getBean(DataSource.class)).getJdbcUrl())
				.isEqualTo("jdbc:h2:mem:durable-test");
		}
	}

	private static ConfigurableApplicationContext start(String... args) {
		String[] all = new String[args.length + 3];
		System.arraycopy(args, 0, all, 0, args.length);
		all[args.length] = "--logging.file.name="
				+ TestOutput.newFolder(DurableJobRepositoryUrlTest.class).resolve("scb-delivery.log");
		// the product turns Boot's hooks off; a JVM that starts many applications needs
		// them
		all[args.length + 1] = "--spring.main.register-shutdown-hook=true";
		all[args.length + 2] = "--logging.register-shutdown-hook=true";
		return new SpringApplicationBuilder(JustADataSource.class).web(WebApplicationType.NONE)
			.bannerMode(Banner.Mode.OFF)
			.run(all);
	}

	private static String writeDelay(DataSource dataSource) throws SQLException {
		try (Connection connection = dataSource.getConnection();
				Statement statement = connection.createStatement();
				ResultSet rows = statement.executeQuery(
						"SELECT SETTING_VALUE FROM INFORMATION_SCHEMA.SETTINGS WHERE SETTING_NAME = 'WRITE_DELAY'")) {
			assertThat(rows.next()).as("a WRITE_DELAY row").isTrue();
			return rows.getString(1);
		}
	}

	@Configuration(proxyBeanMethods = false)
	@ImportAutoConfiguration(DataSourceAutoConfiguration.class)
	static class JustADataSource {

	}

}
