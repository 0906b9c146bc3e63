package io.netspec.report;

import io.netspec.dsl.analysis.NetworkAnalysis;
import io.netspec.report.dot.DiagramRenderer;
import io.netspec.report.files.AtomicFiles;
import io.netspec.report.html.HtmlDiagram;
import io.netspec.report.layout.NetworkLayout;
import io.netspec.report.svg.SvgDiagram;
import java.io.IOException;
import java.nio.file.Path;

/**
 * Writes a network's diagram to a file, as SVG, HTML or DOT by the file's extension: {@code netspec diagram}.
 * SVG and HTML are laid out in Java ({@link NetworkLayout}); no system binary is called.
 */
public final class DiagramWriter {

  public DiagramWriter() {}

  /**
   * Writes the diagram of {@code analysis} to {@code file} (atomically), in the {@link DiagramFormat} its
   * extension names.
   *
   * @throws IllegalArgumentException if the extension is not {@code .svg}, {@code .html}, {@code .htm},
   *     {@code .dot} or {@code .gv}
   */
  public void write(NetworkAnalysis analysis, Path file) throws IOException {
    DiagramFormat format = DiagramFormat.of(file).orElseThrow(() -> new IllegalArgumentException(
        "cannot tell the diagram's format from '" + file.getFileName() + "': name it .svg, .html or .dot"));
    AtomicFiles.writeString(file, render(analysis, format));
  }

  /** The diagram of {@code analysis} in {@code format}. */
  public String render(NetworkAnalysis analysis, DiagramFormat format) {
    return switch (format) {
      case DOT -> DiagramRenderer.render(analysis);
      case SVG -> SvgDiagram.document(NetworkLayout.of(analysis));
      case HTML -> HtmlDiagram.page(analysis);
    };
  }
}
