package io.netspec.report.html;

import io.netspec.dsl.analysis.NetworkAnalysis;
import io.netspec.report.svg.InlineSvg;
import java.io.IOException;
import java.nio.file.Path;

/**
 * The diagram as HTML: the Graphviz SVG inline, with controls to collapse and expand the Inception modules
 * (click a module's box, or use the buttons). {@link #page} is a page of its own, {@link #section} the same
 * diagram as a section of the report.
 */
public final class HtmlDiagram {

  /** The id of the element holding the diagram's SVG. */
  public static final String CONTAINER_ID = "diagram";

  private HtmlDiagram() {}

  /** A self-contained page showing the diagram of {@code analysis}, laid out by Graphviz as {@code graphvizSvg}. */
  public static String page(NetworkAnalysis analysis, String graphvizSvg) throws IOException {
    String title = analysis.spec().className() + " diagram";
    return HtmlPage.of(title, "<header><h1>" + HtmlText.escape(title) + "</h1>\n<p>" + caption(analysis)
        + "</p></header>\n<main>\n" + section(graphvizSvg) + "</main>\n");
  }

  /** The diagram with its toolbar and legend, as one {@code <section>}. */
  public static String section(String graphvizSvg) throws IOException {
    return "<section class=\"diagram\" aria-label=\"network diagram\">\n"
        + "<div class=\"toolbar\"><button type=\"button\" data-action=\"collapse-all\">Collapse all modules</button>"
        + "<button type=\"button\" data-action=\"expand-all\">Expand all modules</button>"
        + "<span class=\"hint\">Click an Inception module's box to collapse or expand its four branches.</span>"
        + "</div>\n"
        + "<div class=\"legend\">" + legend() + "</div>\n"
        + "<div id=\"" + CONTAINER_ID + "\" class=\"diagram-canvas\">\n" + InlineSvg.of(graphvizSvg) + "\n</div>\n"
        + "</section>\n";
  }

  /**
   * One line of HTML naming the spec, its input and classes, and its description:
   * {@code googlenet.yaml: input 224x224x3, 1000 classes. GoogLeNet as in ...}.
   */
  public static String caption(NetworkAnalysis analysis) {
    String file = Path.of(analysis.spec().file()).getFileName().toString();
    String description = analysis.spec().description().isEmpty() ? "" : " " + analysis.spec().description();
    return HtmlText.escape(file + ": input " + analysis.input() + ", " + analysis.spec().classes() + " classes."
        + description);
  }

  private static String legend() {
    return "Each box is a row of the spec: name, kind and patch/stride, output size (height x width x channels), "
        + "params (weights, K = 1024) and ops (multiply-adds, M = 10<sup>6</sup>). Edges carry the tensor shape; "
        + "dashed boxes are auxiliary classifiers, used in training only.";
  }
}
