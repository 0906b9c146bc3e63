package io.netspec.report;

import java.nio.file.Path;
import java.util.Locale;
import java.util.Optional;

/** The formats {@code netspec diagram} writes, chosen by the output file's extension. */
public enum DiagramFormat {
  /** An SVG picture, laid out by ELK's layered algorithm ({@code .svg}). */
  SVG,
  /** A self-contained HTML page with the SVG inline: zoom, pan, search, row details, collapsible Inception modules ({@code .html}, {@code .htm}). */
  HTML,
  /** DOT text, an export for Graphviz's tools ({@code .dot}, {@code .gv}). */
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
