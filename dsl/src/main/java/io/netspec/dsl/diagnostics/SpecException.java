package io.netspec.dsl.diagnostics;

import java.util.List;
import java.util.stream.Collectors;

/** Thrown when a spec has one or more mistakes; carries all of them, sorted by location. */
public final class SpecException extends Exception {
  private static final long serialVersionUID = 1L;

  private final transient List<Diagnostic> diagnostics;

  public SpecException(List<Diagnostic> diagnostics) {
    super(format(diagnostics));
    if (diagnostics.isEmpty()) {
      throw new IllegalArgumentException("a SpecException needs at least one diagnostic");
    }
    this.diagnostics = diagnostics.stream().sorted().distinct().toList();
  }

  public SpecException(SourceLocation location, String message) {
    this(List.of(new Diagnostic(location, message)));
  }

  public List<Diagnostic> diagnostics() {
    return diagnostics;
  }

  private static String format(List<Diagnostic> diagnostics) {
    return diagnostics.stream().sorted().distinct().map(Diagnostic::toString)
        .collect(Collectors.joining(System.lineSeparator()));
  }
}
