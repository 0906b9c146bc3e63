package io.netspec.dsl.yaml;

import io.netspec.dsl.diagnostics.Diagnostic;
import io.netspec.dsl.diagnostics.SourceLocation;
import org.yaml.snakeyaml.error.Mark;
import org.yaml.snakeyaml.error.MarkedYAMLException;
import org.yaml.snakeyaml.error.YAMLException;

/** Turns SnakeYAML's exceptions into diagnostics at the position they name. */
final class YamlErrors {

  private static final String UNDEFINED_ALIAS = "found undefined alias ";

  private YamlErrors() {}

  static Diagnostic toDiagnostic(String file, YAMLException e) {
    if (e instanceof MarkedYAMLException marked) {
      if (unclosedQuote(marked)) { // reported where the quote opens, not at the end of the file
        return new Diagnostic(at(file, marked.getContextMark()),
            "this quote is never closed: the file ends inside the quoted text");
      }
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
    if (context != null && context.startsWith("expected a single document")) {
      return "a spec is one YAML document, but a second one starts here";
    }
    if (problem.startsWith("mapping values are not allowed")) {
      return "invalid YAML: ':' cannot start a mapping here; check the indentation, or quote a value that "
          + "holds ': '";
    }
    if (problem.startsWith(UNDEFINED_ALIAS)) {
      String anchor = problem.substring(UNDEFINED_ALIAS.length()).strip();
      return "alias '*" + anchor + "' names no anchor: no node before it is marked '&" + anchor + "'";
    }
    if (context == null || e.getProblemMark() == null) {
      return "invalid YAML: " + problem;
    }
    String where = e.getContextMark() == null ? ""
        : " at " + (e.getContextMark().getLine() + 1) + ":" + (e.getContextMark().getColumn() + 1);
    return "invalid YAML: " + problem + " (" + context + where + ")";
  }

  private static boolean unclosedQuote(MarkedYAMLException e) {
    return e.getContextMark() != null && e.getContext() != null
        && e.getContext().startsWith("while scanning a quoted scalar")
        && String.valueOf(e.getProblem()).startsWith("found unexpected end of stream");
  }

  private static String firstLine(String message) {
    if (message == null) {
      return "unreadable";
    }
    int newline = message.indexOf('\n');
    return (newline < 0 ? message : message.substring(0, newline)).strip();
  }
}
