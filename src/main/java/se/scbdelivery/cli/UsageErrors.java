package se.scbdelivery.cli;

import java.io.PrintWriter;
import java.util.Optional;

import picocli.CommandLine;
import picocli.CommandLine.IParameterExceptionHandler;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.UnmatchedArgumentException;

import se.scbdelivery.config.NearestName;

/**
 * A usage error in the house style: {@code error: <the message>}, one hint line naming
 * the command's help, exit 2. The usage itself is one {@code --help} away, not printed in
 * front of the person who has to find the message.
 */
final class UsageErrors implements IParameterExceptionHandler {

	@Override
	public int handleParseException(ParameterException ex, String[] args) {
		CommandLine commandLine = ex.getCommandLine();
		PrintWriter err = commandLine.getErr();
		err.println("error: " + ex.getMessage());
		Optional<String> meant = (ex instanceof UnmatchedArgumentException unmatched
				&& !unmatched.getUnmatched().isEmpty())
						? NearestName.to(unmatched.getUnmatched().get(0), commandLine.getSubcommands().keySet())
						: Optional.empty();
		err.println(meant
			.map((command) -> "did you mean '" + commandLine.getCommandSpec().qualifiedName() + " " + command + "'? "
					+ hint(commandLine))
			.orElse(hint(commandLine)));
		err.flush();
		return ExitCodes.INVALID_INPUT;
	}

	static String hint(CommandLine commandLine) {
		return "see '" + commandLine.getCommandSpec().qualifiedName() + " --help'";
	}

}
