package io.netspec.report.dot;

import io.netspec.dsl.analysis.AuxFigures;
import io.netspec.dsl.analysis.NetworkAnalysis;
import io.netspec.dsl.analysis.RowFigures;
import io.netspec.dsl.analysis.TensorShape;
import io.netspec.dsl.spec.AuxClassifier;
import io.netspec.dsl.spec.Inception;
import io.netspec.dsl.spec.Layer;
import io.netspec.dsl.summary.Figures;
import io.netspec.report.format.LayerFill;
import io.netspec.report.format.LayerText;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;

/**
 * Draws an analysed network as a Graphviz DOT digraph, top to bottom. Every row is one node, named as
 * {@link NodeIds} says, showing its name, kind, patch/stride, output shape and the params (weights, K = 1024)
 * and ops (multiply-adds, M = 10^6) the summary counts. An Inception row is a cluster: its input fans out to
 * four branch nodes that meet in the row's own node, the concatenation. An auxiliary classifier is a dashed
 * cluster beside the main path, labelled with its loss weight. Every edge is labelled with the shape of the
 * tensor it carries.
 *
 * <p>The text depends on the analysis only (the spec's file name, not its folder), so rendering the same spec
 * twice gives the same DOT. DOT is an export format for Graphviz's tools; netspec's own SVG and HTML are laid
 * out in Java ({@link io.netspec.report.layout.NetworkLayout}).
 *
 * <p>SVG hooks for the HTML view: row nodes have the class {@value #LAYER_CLASS}; the Inception cluster of row
 * {@code m} has the id {@code module-m} and class {@value #MODULE_CLASS}, and everything inside it except the
 * concatenation (branch nodes, the fan-out point, their edges) has the class {@code member-m}.
 */
public final class DiagramRenderer {

  /** The SVG class of every row's node. */
  public static final String LAYER_CLASS = "layer";

  /** The SVG class of every Inception cluster. */
  public static final String MODULE_CLASS = "module";

  private static final String FONT = "Helvetica";
  private static final int MAIN_PATH_WEIGHT = 8;

  private final NetworkAnalysis analysis;
  private final DotText dot;

  private DiagramRenderer(NetworkAnalysis analysis) {
    this.analysis = analysis;
    this.dot = new DotText(analysis.spec().className());
  }

  /** The DOT text of the network's diagram. */
  public static String render(NetworkAnalysis analysis) {
    return new DiagramRenderer(analysis).draw();
  }

  /** The class that marks the members of Inception module {@code module} that collapsing it hides. */
  public static String memberClass(String module) {
    return "member-" + module;
  }

  private String draw() {
    dot.defaults("graph", new Attributes().plain("rankdir", "TB").plain("newrank", true)
        .plain("nodesep", 0.18).plain("ranksep", 0.26).text("fontname", FONT).plain("fontsize", 12)
        .text("labelloc", "t").text("label", title()));
    dot.defaults("node", new Attributes().text("shape", "box").text("style", "rounded,filled")
        .text("color", "#7a7a7a").text("fontname", FONT).plain("fontsize", 9).text("margin", "0.08,0.03"));
    dot.defaults("edge", new Attributes().text("fontname", FONT).plain("fontsize", 8)
        .text("color", "#6b6b6b").text("fontcolor", "#333333").plain("arrowsize", 0.6));
    dot.node(NodeIds.INPUT, new Attributes().html("label", "<B>input</B><BR/>" + analysis.input())
        .text("fillcolor", "#ffffff").text("group", "main").text("id", "input"));
    String previous = NodeIds.INPUT;
    TensorShape carried = analysis.input();
    for (RowFigures row : analysis.rows()) {
      Optional<Inception> module = InceptionBranch.drawnWithBranches(row.layer());
      String entry = module.isPresent()
          ? drawModule(row, module.get())
          : drawRow(row, NodeIds.row(row.layer().name()), true);
      dot.edge(previous, entry, mainEdge(carried, module.isPresent()));
      previous = NodeIds.row(row.layer().name());
      carried = row.output();
    }
    for (AuxFigures aux : analysis.auxClassifiers()) {
      drawAux(aux);
    }
    return dot.close();
  }

  private String title() {
    String file = Path.of(analysis.spec().file()).getFileName().toString();
    return analysis.spec().className() + " (" + file + "), " + analysis.spec().classes() + " classes";
  }

  private static Attributes mainEdge(TensorShape shape, boolean intoModule) {
    Attributes edge = new Attributes().text("label", " " + shape).plain("weight", MAIN_PATH_WEIGHT);
    return intoModule ? edge.text("arrowhead", "none") : edge;
  }

  /** Declares a row's node; returns its name. */
  private String drawRow(RowFigures row, String id, boolean mainPath) {
    Attributes node = new Attributes().html("label", rowLabel(row, id))
        .text("fillcolor", LayerFill.of(row.layer())).text("class", LAYER_CLASS + " kind-" + row.layer().type());
    dot.node(id, mainPath ? node.text("group", "main") : node);
    return id;
  }

  /** Declares an Inception module's cluster: fan-out point, four branches, concatenation; returns the fan-out. */
  private String drawModule(RowFigures row, Inception module) {
    String name = module.name();
    String members = memberClass(name);
    dot.openSubgraph(NodeIds.moduleCluster(name), new Attributes().text("id", "module-" + name)
        .text("class", MODULE_CLASS).text("label", name).text("labeljust", "l").plain("fontsize", 9)
        .text("style", "rounded,filled").text("color", "#9bbf94").text("fillcolor", "#f6fbf4"));
    String split = NodeIds.split(name);
    dot.node(split, new Attributes().text("shape", "point").plain("width", 0.05).text("group", "main")
        .text("class", members));
    for (InceptionBranch branch : InceptionBranch.values()) {
      dot.node(NodeIds.branch(name, branch), new Attributes()
          .html("label", Attributes.escapeHtml(branch.describe(module)) + "<BR/>" + branchShape(row, module, branch))
          .text("fillcolor", "#e3f2df").plain("fontsize", 8).text("class", "branch " + members));
    }
    drawRow(row, NodeIds.row(name), true);
    dot.closeSubgraph();
    for (InceptionBranch branch : InceptionBranch.values()) {
      dot.edge(split, NodeIds.branch(name, branch), new Attributes().text("class", members));
      dot.edge(NodeIds.branch(name, branch), NodeIds.row(name),
          new Attributes().text("label", " " + branchShape(row, module, branch)).text("class", members));
    }
    return split;
  }

  /** A branch's output: the module's output size, with the branch's channels. */
  private static TensorShape branchShape(RowFigures row, Inception module, InceptionBranch branch) {
    return new TensorShape(branch.outputChannels(module), row.output().height(), row.output().width());
  }

  private void drawAux(AuxFigures aux) {
    AuxClassifier classifier = aux.classifier();
    List<RowFigures> rows = aux.rows();
    if (rows.isEmpty()) {
      return;
    }
    String label = classifier.name() + ", loss weight " + classifier.lossWeight() + " (training only)";
    dot.openSubgraph(NodeIds.auxCluster(classifier.name()), new Attributes()
        .text("id", "aux-" + classifier.name()).text("class", "aux").text("label", label)
        .text("labeljust", "l").plain("fontsize", 9).text("style", "dashed,rounded").text("color", "#b07a2a"));
    for (RowFigures row : rows) {
      drawRow(row, NodeIds.auxRow(classifier.name(), row.layer().name()), false);
    }
    dot.closeSubgraph();
    String previous = NodeIds.row(classifier.after());
    TensorShape carried = aux.input();
    for (RowFigures row : rows) {
      String id = NodeIds.auxRow(classifier.name(), row.layer().name());
      dot.edge(previous, id, new Attributes().text("label", " " + carried).text("style", "dashed")
          .text("class", "aux-edge"));
      previous = id;
      carried = row.output();
    }
  }

  private static String rowLabel(RowFigures row, String id) {
    Layer layer = row.layer();
    StringBuilder label = new StringBuilder("<B>").append(Attributes.escapeHtml(id)).append("</B>");
    String kind = (LayerText.kind(layer) + " " + LayerText.patch(layer)).strip();
    label.append("<BR/>").append(Attributes.escapeHtml(kind));
    String detail = LayerText.detail(layer);
    if (!detail.isEmpty()) {
      label.append("<BR/>").append(Attributes.escapeHtml(detail));
    }
    label.append("<BR/>").append(row.output());
    if (row.weights() > 0) {
      label.append("<BR/><FONT POINT-SIZE=\"8\" COLOR=\"#444444\">params ").append(Figures.kilo(row.weights()))
          .append(" · ops ").append(Figures.mega(row.ops())).append("</FONT>");
    }
    return label.toString();
  }

}
