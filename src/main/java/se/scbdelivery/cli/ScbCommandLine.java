package se.scbdelivery.cli;

import java.io.PrintWriter;
import java.util.Arrays;
import java.util.regex.Pattern;

import picocli.CommandLine;
import picocli.CommandLine.IFactory;

import org.springframework.stereotype.Component;

/**
 * Builds the picocli command line and runs one command. Spring Boot hands over every
 * argument, including its own {@code --name.with.dots=value} properties, which it has
 * already bound; those are dropped here, before picocli sees them. No picocli option has
 * a dot in its name, so nothing of ours is lost.
 */
@Component
public class ScbCommandLine {

	private static final Pattern BOOT_PROPERTY = Pattern.compile("--[A-Za-z0-9_-]+(\\.[A-Za-z0-9_\\[\\]-]+)+(=.*)?",
			Pattern.DOTALL);

	private final IFactory factory;

	ScbCommandLine(IFactory factory) {
		this.factory = factory;
	}

	/** Runs the command the arguments name and returns its exit code. */
	public int execute(String[] args, PrintWriter out, PrintWriter err) {
		CommandLine commandLine = model(this.factory, out, err);
		try {
			return commandLine.execute(commandArguments(args));
		}
		finally {
			out.flush();
			err.flush();
		}
	}

	/**
	 * The command tree, as the application runs it and as {@link FrontDoor} reads it
	 * before the application starts: the same options, help, version and usage errors.
	 */
	static CommandLine model(IFactory factory, PrintWriter out, PrintWriter err) {
		CommandLine commandLine = new CommandLine(ScbDeliveryCommand.class, factory);
		commandLine.setOut(out);
		commandLine.setErr(err);
		commandLine.setParameterExceptionHandler(new UsageErrors());
		commandLine.setExecutionExceptionHandler(new CliExceptionHandler());
		BuildVersion version = new BuildVersion();
		for (CommandLine command : commandLine.getSubcommands().values()) {
			command.getCommandSpec().versionProvider(version);
		}
		return commandLine;
	}

	static String[] commandArguments(String[] args) {
		return Arrays.stream(args).filter((arg) -> !BOOT_PROPERTY.matcher(arg).matches()).toArray(String[]::new);
	}

}
