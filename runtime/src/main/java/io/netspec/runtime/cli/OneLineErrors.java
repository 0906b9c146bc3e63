package io.netspec.runtime.cli;

import io.netspec.dsl.diagnostics.Printable;
import io.netspec.dsl.diagnostics.SpecException;
import java.nio.file.AccessDeniedException;
import java.nio.file.NoSuchFileException;
import picocli.CommandLine;
import picocli.CommandLine.IExecutionExceptionHandler;
import picocli.CommandLine.ParseResult;

/**
 * Reports a failed command as one line, {@code netspec: error: ...}, and exit code 1; a spec with mistakes
 * as one line per mistake, {@code file:line:column: error: message}. A message may quote what the command was
 * given (a file name, a package), which may hold line breaks and escape sequences: it is printed as
 * diagnostics print what they quote, with such characters as Java escapes ({@link Printable}). The stack trace
 * is printed too when the environment variable {@value #DEBUG_VARIABLE} is set.
 */
final class OneLineErrors implements IExecutionExceptionHandler {

  static final String DEBUG_VARIABLE = "NETSPEC_DEBUG";

  @Override
  public int handleExecutionException(Exception exception, CommandLine commandLine, ParseResult parseResult) {
    if (exception instanceof SpecException mistakes) {
      mistakes.diagnostics().forEach(commandLine.getErr()::println); // file:line:column: error: message
    } else {
      commandLine.getErr().println("netspec: error: " + describe(exception));
    }
    if (System.getenv(DEBUG_VARIABLE) != null) {
      exception.printStackTrace(commandLine.getErr());
    }
    commandLine.getErr().flush();
    return CommandLine.ExitCode.SOFTWARE;
  }

  /**
   * The most telling message of {@code failure} and its causes, as one printable line: a wrapper whose
   * message is only its cause's is skipped; line breaks and control characters show as escapes ({@code \n}).
   */
  static String describe(Throwable failure) {
    Throwable shown = failure;
    while (shown.getCause() != null
        && (shown.getMessage() == null || shown.getMessage().equals(shown.getCause().toString()))) {
      shown = shown.getCause();
    }
    String message;
    if (shown instanceof NoSuchFileException missing) {
      message = missing.getReason() == null ? shown.getMessage() + ": file not found" : shown.getMessage();
    } else if (shown instanceof AccessDeniedException) {
      message = shown.getMessage() + ": permission denied";
    } else if (shown.getMessage() == null || shown.getMessage().isBlank()) {
      message = shown.getClass().getSimpleName();
    } else {
      message = shown.getMessage();
    }
    return Printable.escape(message.strip());
  }
}
