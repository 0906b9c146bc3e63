package io.netspec.report.svg;

import io.netspec.report.html.HtmlText;
import io.netspec.report.layout.Diagram;
import io.netspec.report.layout.Diagram.Box;
import io.netspec.report.layout.Diagram.Edge;
import io.netspec.report.layout.Diagram.Point;
import java.util.List;
import java.util.Locale;

/**
 * Draws a laid-out {@link Diagram} as an SVG document. Numbers are written with {@link Locale#ROOT} and one
 * decimal, so the same diagram gives the same bytes.
 *
 * <p>Hooks for the HTML view: every row's box is a {@code <g class="layer">} with {@code data-layer} (its name,
 * {@code aux1.fc1} for an auxiliary classifier's row) and the row's figures as {@code data-kind},
 * {@code data-input}, {@code data-output}, {@code data-weights}, {@code data-params}, {@code data-ops}; every
 * Inception group is a {@code <g class="module">} with {@code data-module}; what collapsing a module hides (its
 * split point, branches and their edges) has the class {@code member-<module>}; the split point has
 * {@code data-split="<module>"}. Everything is inside one {@code <g class="viewport">}, which the page zooms and
 * pans.
 */
public final class SvgDiagram {

  /** The SVG class of every row's box. */
  public static final String LAYER_CLASS = "layer";

  /** The SVG class of every Inception group. */
  public static final String MODULE_CLASS = "module";

  private static final double TITLE_HEIGHT = 24;
  private static final String FONT = "Helvetica, Arial, 'DejaVu Sans', sans-serif";

  private SvgDiagram() {}

  /** The class that marks the members of Inception module {@code module} that collapsing it hides. */
  public static String memberClass(String module) {
    return "member-" + module;
  }

  /** The diagram as a standalone SVG document (with XML declaration). */
  public static String document(Diagram diagram) {
    return "<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n" + element(diagram);
  }

  /** The diagram as an {@code <svg>} element, to stand alone or inline in HTML. */
  public static String element(Diagram diagram) {
    double width = Math.max(diagram.width(), 320);
    double height = diagram.height() + TITLE_HEIGHT;
    StringBuilder svg = new StringBuilder();
    svg.append(format("<svg xmlns=\"http://www.w3.org/2000/svg\" class=\"network\" width=\"%.1f\" height=\"%.1f\""
        + " viewBox=\"0 0 %.1f %.1f\" font-family=\"%s\" font-size=\"11\">\n", width, height, width, height, FONT));
    svg.append("<defs><marker id=\"arrow\" viewBox=\"0 0 8 8\" refX=\"8\" refY=\"4\" markerWidth=\"7\" "
        + "markerHeight=\"7\" orient=\"auto\"><path d=\"M0,0 L8,4 L0,8 z\" fill=\"#6b6b6b\"/></marker></defs>\n");
    svg.append("<rect class=\"background\" width=\"100%\" height=\"100%\" fill=\"#ffffff\"/>\n");
    svg.append("<g class=\"viewport\">\n");
    svg.append(format("<text class=\"diagram-title\" x=\"%.1f\" y=\"16\" text-anchor=\"middle\" font-size=\"13\">"
        + "%s</text>\n", width / 2, HtmlText.escape(diagram.title())));
    svg.append(format("<g transform=\"translate(0,%.1f)\">\n", TITLE_HEIGHT));
    for (Box box : diagram.boxes()) {
      if (box.kind() == Diagram.Kind.MODULE || box.kind() == Diagram.Kind.AUX) {
        group(svg, box);
      }
    }
    for (Edge edge : diagram.edges()) {
      edge(svg, edge);
    }
    for (Box box : diagram.boxes()) {
      switch (box.kind()) {
        case MODULE, AUX -> { }
        case SPLIT -> svg.append(format("<circle class=\"split %s\" data-split=\"%s\" cx=\"%.1f\" cy=\"%.1f\" "
            + "r=\"%.1f\" fill=\"#6b6b6b\"/>\n", memberClass(box.module()), attribute(box.module()),
            box.x() + box.width() / 2, box.y() + box.height() / 2, box.width() / 2));
        default -> box(svg, box);
      }
    }
    return svg.append("</g>\n</g>\n</svg>\n").toString();
  }

  private static void group(StringBuilder svg, Box box) {
    boolean module = box.kind() == Diagram.Kind.MODULE;
    if (module) {
      svg.append(format("<g class=\"%s\" id=\"module-%s\" data-module=\"%s\">", MODULE_CLASS,
          attribute(box.module()), attribute(box.module())));
    } else {
      svg.append(format("<g class=\"aux\" id=\"%s\">", attribute(box.id())));
    }
    svg.append(format("<rect x=\"%.1f\" y=\"%.1f\" width=\"%.1f\" height=\"%.1f\" rx=\"6\" fill=\"%s\" "
        + "stroke=\"%s\"%s/>", box.x(), box.y(), box.width(), box.height(), module ? box.fill() : "none",
        module ? "#9bbf94" : "#b07a2a", module ? "" : " stroke-dasharray=\"5,3\""));
    svg.append(format("<text class=\"group-title\" x=\"%.1f\" y=\"%.1f\" font-size=\"10\">%s</text></g>\n",
        box.x() + 8, box.y() + 14, HtmlText.escape(box.lines().get(0))));
  }

  private static void edge(StringBuilder svg, Edge edge) {
    StringBuilder path = new StringBuilder();
    for (Point p : edge.points()) {
      path.append(path.length() == 0 ? "M" : " L").append(format("%.1f,%.1f", p.x(), p.y()));
    }
    String classes = "edge" + (edge.module().isEmpty() ? "" : " " + memberClass(edge.module()))
        + (edge.dashed() ? " aux-edge" : "");
    svg.append(format("<g class=\"%s\" data-from=\"%s\" data-to=\"%s\"><path d=\"%s\" fill=\"none\" "
        + "stroke=\"#6b6b6b\"%s%s/>", classes, attribute(edge.from()), attribute(edge.to()), path,
        edge.dashed() ? " stroke-dasharray=\"5,3\"" : "", edge.arrow() ? " marker-end=\"url(#arrow)\"" : ""));
    if (!edge.label().isEmpty()) {
      svg.append(format("<text class=\"edge-label\" x=\"%.1f\" y=\"%.1f\" font-size=\"10\" fill=\"#333333\">%s"
          + "</text>", edge.labelX() + 2, edge.labelY() + 11, HtmlText.escape(edge.label())));
    }
    svg.append("</g>\n");
  }

  private static void box(StringBuilder svg, Box box) {
    if (box.kind() == Diagram.Kind.ROW) {
      Diagram.RowInfo row = box.row();
      svg.append(format("<g class=\"%s\" data-layer=\"%s\" data-kind=\"%s\" data-detail=\"%s\" data-input=\"%s\" "
          + "data-output=\"%s\" data-weights=\"%d\" data-params=\"%d\" data-ops=\"%d\">", LAYER_CLASS,
          attribute(box.id()), attribute(row.kind()), attribute(row.detail()), row.input(), row.output(),
          row.weights(), row.trainable(), row.ops()));
    } else if (box.kind() == Diagram.Kind.BRANCH) {
      svg.append(format("<g class=\"branch %s\" data-branch=\"%s\">", memberClass(box.module()),
          attribute(box.id())));
    } else {
      svg.append(format("<g class=\"input\" data-input-node=\"%s\">", attribute(box.lines().get(1))));
    }
    svg.append(format("<rect x=\"%.1f\" y=\"%.1f\" width=\"%.1f\" height=\"%.1f\" rx=\"5\" fill=\"%s\" "
        + "stroke=\"#7a7a7a\"/>", box.x(), box.y(), box.width(), box.height(), box.fill()));
    List<String> lines = box.lines();
    double top = box.y() + (box.height() - lines.size() * 14) / 2;
    for (int i = 0; i < lines.size(); i++) {
      boolean small = box.kind() == Diagram.Kind.BRANCH || lines.get(i).startsWith("params ");
      svg.append(format("<text x=\"%.1f\" y=\"%.1f\" text-anchor=\"middle\"%s%s>%s</text>",
          box.x() + box.width() / 2, top + 14 * i + 11, i == 0 && box.kind() != Diagram.Kind.BRANCH
              ? " font-weight=\"bold\"" : "", small ? " font-size=\"10\" fill=\"#444444\"" : "",
          HtmlText.escape(lines.get(i))));
    }
    svg.append("</g>\n");
  }

  private static String attribute(String text) {
    return HtmlText.escape(text);
  }

  private static String format(String pattern, Object... args) {
    return String.format(Locale.ROOT, pattern, args);
  }
}
