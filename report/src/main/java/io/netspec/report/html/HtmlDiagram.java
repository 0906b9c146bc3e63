package io.netspec.report.html;

import io.netspec.dsl.analysis.NetworkAnalysis;
import io.netspec.report.layout.NetworkLayout;
import io.netspec.report.svg.SvgDiagram;
import java.nio.file.Path;

/**
 * The diagram as HTML, in the way of a model viewer: the SVG inline in a canvas that zooms (wheel, buttons) and
 * pans (drag), a search box that highlights the rows whose name matches and centres the first, a panel that a
 * click on a row fills with the row's kind, shapes and parameter counts, and Inception modules that collapse
 * and expand (click a module's box, or use the buttons). {@link #page} is a page of its own, {@link #section}
 * the same diagram as a section of the report. Everything is inline; nothing is fetched.
 */
public final class HtmlDiagram {

  /** The id of the element holding the diagram's SVG. */
  public static final String CONTAINER_ID = "diagram";

  private HtmlDiagram() {}

  /** A self-contained page showing the diagram of {@code analysis}. */
  public static String page(NetworkAnalysis analysis) {
    String title = analysis.spec().className() + " diagram";
    return HtmlPage.of(title, "<header><h1>" + HtmlText.escape(title) + "</h1>\n<p>" + caption(analysis)
        + "</p></header>\n<main>\n" + section(analysis) + "</main>\n");
  }

  /** The diagram with its toolbar, legend and details panel, as one {@code <section>}. */
  public static String section(NetworkAnalysis analysis) {
    return "<section class=\"diagram\" aria-label=\"network diagram\">\n"
        + "<div class=\"toolbar\">"
        + "<input type=\"search\" id=\"layer-search\" placeholder=\"Find a row by name\" aria-label=\"find a row\">"
        + "<span class=\"matches\" id=\"layer-matches\"></span>"
        + "<button type=\"button\" data-action=\"zoom-in\" title=\"zoom in\">+</button>"
        + "<button type=\"button\" data-action=\"zoom-out\" title=\"zoom out\">&#8722;</button>"
        + "<button type=\"button\" data-action=\"fit\">Fit</button>"
        + "<button type=\"button\" data-action=\"collapse-all\">Collapse all modules</button>"
        + "<button type=\"button\" data-action=\"expand-all\">Expand all modules</button>"
        + "<span class=\"hint\">Wheel or buttons to zoom, drag to pan, click a row for its details, click a"
        + " module's box to collapse it.</span>"
        + "</div>\n"
        + "<div class=\"legend\">" + legend() + "</div>\n"
        + "<div class=\"diagram-view\">\n"
        + "<div id=\"" + CONTAINER_ID + "\" class=\"diagram-canvas\">\n"
        + SvgDiagram.element(NetworkLayout.of(analysis)) + "</div>\n"
        + "<aside class=\"details\" id=\"layer-details\" aria-live=\"polite\"><p class=\"hint\">Click a row to see"
        + " its shapes and parameter counts.</p></aside>\n"
        + "</div>\n"
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
