package se.scbdelivery;

import java.util.OptionalInt;

import org.springframework.boot.SpringApplication;
import org.springframework.boot.autoconfigure.SpringBootApplication;

import se.scbdelivery.cli.CommandLaunch;
import se.scbdelivery.cli.FrontDoor;
import se.scbdelivery.cli.StartupRefusals;

@SpringBootApplication
public class ScbDeliveryApplication {

	public static void main(String[] args) {
		System.exit(run(args));
	}

	/** Runs one command and returns the process exit code. */
	public static int run(String... args) {
		OptionalInt answered = FrontDoor.answer(args);
		if (answered.isPresent()) {
			return answered.getAsInt();
		}
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
