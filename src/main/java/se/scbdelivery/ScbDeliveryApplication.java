package se.scbdelivery;

import org.springframework.boot.SpringApplication;
import org.springframework.boot.autoconfigure.SpringBootApplication;

import se.scbdelivery.cli.CommandLaunch;
import se.scbdelivery.cli.StartupRefusals;

@SpringBootApplication
public class ScbDeliveryApplication {

	public static void main(String[] args) {
		System.exit(run(args));
	}

	/** Runs one command and returns the process exit code. */
	public static int run(String... args) {
		SpringApplication application = new SpringApplication(ScbDeliveryApplication.class);
		CommandLaunch.prepare(application, args);
		try {
			return SpringApplication.exit(application.run(args));
		}
		catch (RuntimeException ex) {
			return StartupRefusals.exitCode(ex);
		}
	}

}
