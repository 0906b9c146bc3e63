package io.netspec.report;

import io.netspec.dsl.analysis.NetworkAnalysis;
import io.netspec.report.dot.DiagramRenderer;
import io.netspec.report.files.AtomicFiles;
import io.netspec.report.graphviz.Graphviz;
import io.netspec.report.html.HtmlDiagram;
import java.io.IOException;
import java.nio.file.Path;

/** Writes a network's diagram to a file, as SVG, HTML or DOT by the file's extension: {@code netspec diagram}. */
public final class DiagramWriter {

  private final Graphviz graphviz;

  public DiagramWriter(Graphviz graphviz) {
    this.graphviz = graphviz;
  }

  /**
   * Writes the diagram of {@code analysis} to {@code file} (atomically), in the {@link DiagramFormat} its
   * extension names.
   *
   * @throws IllegalArgumentException if the extension is not {@code .svg}, {@code .html}, {@code .htm},
   *     {@code .dot} or {@code .gv}
   * @throws io.netspec.report.graphviz.GraphvizException if Graphviz is missing or fails
   */
  public void write(NetworkAnalysis analysis, Path file) throws IOException {
    DiagramFormat format = DiagramFormat.of(file).orElseThrow(() -> new IllegalArgumentException(
        "cannot tell the diagram's format from '" + file.getFileName() + "': name it .svg, .html or .dot"));
    AtomicFiles.writeString(file, render(analysis, format));
  }

  /** The diagram of {@code analysis} in {@code format}. */
  public String render(NetworkAnalysis analysis, DiagramFormat format) throws IOException {
    String dot = DiagramRenderer.render(analysis);
    return switch (format) {
      case DOT -> dot;
      case SVG -> graphviz.toSvg(dot);
      case HTML -> HtmlDiagram.page(analysis, graphviz.toSvg(dot));
    };
  }
}
