package se.scbdelivery.cli;

import java.io.PrintWriter;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.OptionalInt;

import picocli.AutoComplete;
import picocli.CommandLine;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.ParseResult;

/**
 * What the command line can answer before the application starts: help, the version, the
 * shell completion script and usage errors. None of them needs Spring, the job
 * repository, a log file or a port, so none of them starts, opens or creates any (well
 * under a second instead of five, and {@code --help} in an empty folder leaves it empty).
 */
public final class FrontDoor {

	private FrontDoor() {
	}

	/**
	 * Answers the arguments if they need no application.
	 * @return the exit code when answered, empty when the command is to run
	 */
	public static OptionalInt answer(String[] args) {
		PrintWriter out = new PrintWriter(System.out, true, StandardCharsets.UTF_8);
		PrintWriter err = new PrintWriter(System.err, true, StandardCharsets.UTF_8);
		try {
			return answer(args, out, err);
		}
		finally {
			out.flush();
			err.flush();
		}
	}

	static OptionalInt answer(String[] args, PrintWriter out, PrintWriter err) {
		CommandLine commandLine = ScbCommandLine.model(new ParseOnlyFactory(), out, err);
		String[] arguments = ScbCommandLine.commandArguments(args);
		ParseResult parsed;
		try {
			parsed = commandLine.parseArgs(arguments);
		}
		catch (ParameterException ex) {
			return OptionalInt.of(new UsageErrors().handleParseException(ex, arguments));
		}
		catch (Exception ex) {
			// a converter's own failure; the application would report the same
			err.println("error: " + ex.getMessage());
			err.println(UsageErrors.hint(commandLine));
			return OptionalInt.of(ExitCodes.INVALID_INPUT);
		}
		if (CommandLine.printHelpIfRequested(parsed)) {
			return OptionalInt.of(ExitCodes.OK);
		}
		if (!parsed.hasSubcommand()) {
			err.println("error: name a command: one of " + String.join(", ", commands(commandLine)));
			err.println(UsageErrors.hint(commandLine));
			return OptionalInt.of(ExitCodes.INVALID_INPUT);
		}
		CommandLine command = parsed.subcommand().commandSpec().commandLine();
		if (command.getCommand() instanceof AutoComplete.GenerateCompletion) {
			return OptionalInt.of(commandLine.execute(arguments));
		}
		return OptionalInt.empty();
	}

	private static List<String> commands(CommandLine commandLine) {
		return commandLine.getSubcommands()
			.values()
			.stream()
			.filter((command) -> !command.getCommandSpec().usageMessage().hidden())
			.map(CommandLine::getCommandName)
			.toList();
	}

}
