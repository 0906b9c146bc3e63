package io.netspec.runtime.cli;

import io.netspec.dsl.diagnostics.Printable;
import java.io.PrintWriter;
import java.util.List;
import picocli.CommandLine;
import picocli.CommandLine.IParameterExceptionHandler;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.UnmatchedArgumentException;

/**
 * Reports a usage error as {@code netspec: usage error: ...} and where to find help, instead of the whole
 * usage text, and exits with 2.
 */
final class ShortUsageErrors implements IParameterExceptionHandler {

  @Override
  public int handleParseException(ParameterException exception, String[] args) {
    CommandLine command = exception.getCommandLine();
    PrintWriter err = command.getErr();
    err.println("netspec: usage error: " + (exception instanceof UnmatchedArgumentException unmatched
        ? unmatched(unmatched) : OneLineErrors.describe(exception)));
    err.println("Try '" + command.getCommandSpec().qualifiedName() + " --help' for more information.");
    err.flush();
    return CommandLine.ExitCode.USAGE;
  }

  /** An unknown command or option, with picocli's closest matches: {@code unknown command 'trian'; did you mean train?}. */
  static String unmatched(UnmatchedArgumentException exception) {
    List<String> arguments = exception.getUnmatched();
    String first = arguments.isEmpty() ? "" : arguments.get(0);
    CommandSpec command = exception.getCommandLine().getCommandSpec();
    String what = first.startsWith("-") ? "unknown option" : !command.subcommands().isEmpty()
        && command.positionalParameters().isEmpty() ? "unknown command" : "unexpected argument";
    String text = what + " '" + Printable.escape(first) + "'";
    List<String> suggestions = exception.getSuggestions().stream()
        .filter(s -> first.startsWith("-") == s.startsWith("-")).distinct().limit(3).toList();
    return suggestions.isEmpty() ? text : text + "; did you mean " + String.join(" or ", suggestions) + "?";
  }
}
