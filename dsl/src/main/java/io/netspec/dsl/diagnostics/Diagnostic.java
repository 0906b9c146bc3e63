package io.netspec.dsl.diagnostics;

import java.util.Objects;

/**
 * One mistake in a spec: where it is and what was expected there. The message is one printable line: what
 * it quotes of the spec shows line breaks and control characters as Java escapes ({@code \n}, and backslash
 * {@code u001B} for an escape character).
 */
public record Diagnostic(SourceLocation location, String message) implements Comparable<Diagnostic> {

  public Diagnostic {
    Objects.requireNonNull(location, "location");
    message = Printable.escape(Objects.requireNonNull(message, "message"));
  }

  @Override
  public int compareTo(Diagnostic other) {
    int byLocation = location.compareTo(other.location);
    return byLocation != 0 ? byLocation : message.compareTo(other.message);
  }

  /** {@code file:line:column: error: message}, the form compilers use and IDEs link. */
  @Override
  public String toString() {
    return location + ": error: " + message;
  }
}
