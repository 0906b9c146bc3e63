package io.netspec.dsl.yaml;

import io.netspec.dsl.diagnostics.Diagnostic;
import io.netspec.dsl.diagnostics.SourceLocation;
import org.yaml.snakeyaml.error.Mark;
import org.yaml.snakeyaml.error.MarkedYAMLException;
import org.yaml.snakeyaml.error.YAMLException;

/** Turns SnakeYAML's exceptions into diagnostics at the position they name. */
final class YamlErrors {

  private YamlErrors() {}

  static Diagnostic toDiagnostic(String file, YAMLException e) {
    if (e instanceof MarkedYAMLException marked) {
      Mark mark = marked.getProblemMark() != null ? marked.getProblemMark() : marked.getContextMark();
      return new Diagnostic(at(file, mark), describe(marked));
    }
    return new Diagnostic(SourceLocation.ofFile(file), "not a valid spec file: " + firstLine(e.getMessage()));
  }

  static SourceLocation at(String file, Mark mark) {
    return mark == null
        ? SourceLocation.ofFile(file)
        : new SourceLocation(file, mark.getLine() + 1, mark.getColumn() + 1);
  }

  private static String describe(MarkedYAMLException e) {
    String problem = firstLine(e.getProblem() == null ? e.getMessage() : e.getProblem());
    if (problem.contains("\\t(TAB)")) {
      return "a tab cannot indent YAML; use spaces";
    }
    String context = e.getContext();
    if (context == null || e.getProblemMark() == null) {
      return "invalid YAML: " + problem;
    }
    String where = e.getContextMark() == null ? ""
        : " at " + (e.getContextMark().getLine() + 1) + ":" + (e.getContextMark().getColumn() + 1);
    return "invalid YAML: " + problem + " (" + context + where + ")";
  }

  private static String firstLine(String message) {
    if (message == null) {
      return "unreadable";
    }
    int newline = message.indexOf('\n');
    return (newline < 0 ? message : message.substring(0, newline)).strip();
  }
}
