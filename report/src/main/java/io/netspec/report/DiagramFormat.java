package io.netspec.report;

import java.nio.file.Path;
import java.util.Locale;
import java.util.Optional;

/** The formats {@code netspec diagram} writes, chosen by the output file's extension. */
public enum DiagramFormat {
  /** Graphviz's SVG, as {@code dot -Tsvg} writes it ({@code .svg}). */
  SVG,
  /** A self-contained HTML page with the SVG inline and collapsible Inception modules ({@code .html}, {@code .htm}). */
  HTML,
  /** The DOT text itself, for other Graphviz tools ({@code .dot}, {@code .gv}). */
  DOT;

  /** The format for a file name, or empty when its extension is none of these. */
  public static Optional<DiagramFormat> of(Path file) {
    String name = file.getFileName().toString().toLowerCase(Locale.ROOT);
    if (name.endsWith(".svg")) {
      return Optional.of(SVG);
    } else if (name.endsWith(".html") || name.endsWith(".htm")) {
      return Optional.of(HTML);
    } else if (name.endsWith(".dot") || name.endsWith(".gv")) {
      return Optional.of(DOT);
    }
    return Optional.empty();
  }
}
