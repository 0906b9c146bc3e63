package io.netspec.dsl.diagnostics;

import java.util.Objects;

/** A place in a spec file, 1-based line and column, as editors and compilers print it. */
public record SourceLocation(String file, int line, int column) implements Comparable<SourceLocation> {

  public SourceLocation {
    Objects.requireNonNull(file, "file");
  }

  /** A location for a whole file, when no finer position is known. */
  public static SourceLocation ofFile(String file) {
    return new SourceLocation(file, 1, 1);
  }

  @Override
  public int compareTo(SourceLocation other) {
    int byFile = file.compareTo(other.file);
    if (byFile != 0) {
      return byFile;
    }
    int byLine = Integer.compare(line, other.line);
    return byLine != 0 ? byLine : Integer.compare(column, other.column);
  }

  /** {@code file:line:column}; a file name with control characters shows them as escapes. */
  @Override
  public String toString() {
    return Printable.escape(file) + ":" + line + ":" + column;
  }
}
