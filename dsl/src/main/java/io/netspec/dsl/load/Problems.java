package io.netspec.dsl.load;

import io.netspec.dsl.diagnostics.Diagnostic;
import io.netspec.dsl.diagnostics.SourceLocation;
import io.netspec.dsl.diagnostics.SpecException;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;

/** Collects the mistakes found while loading, so that all of them are reported together. */
final class Problems {

  private final List<Diagnostic> diagnostics = new ArrayList<>();

  void error(SourceLocation location, String message) {
    diagnostics.add(new Diagnostic(location, message));
  }

  void addAll(Collection<Diagnostic> more) {
    diagnostics.addAll(more);
  }

  /** How many mistakes so far; compare before and after a step to see whether it found any. */
  int count() {
    return diagnostics.size();
  }

  void throwIfAny() throws SpecException {
    if (!diagnostics.isEmpty()) {
      throw new SpecException(diagnostics);
    }
  }
}
