package io.netspec.report.layout;

import io.netspec.dsl.analysis.AuxFigures;
import io.netspec.dsl.analysis.NetworkAnalysis;
import io.netspec.dsl.analysis.RowFigures;
import io.netspec.dsl.analysis.TensorShape;
import io.netspec.dsl.spec.AuxClassifier;
import io.netspec.dsl.spec.Inception;
import io.netspec.dsl.spec.Layer;
import io.netspec.dsl.summary.Figures;
import io.netspec.report.dot.InceptionBranch;
import io.netspec.report.dot.NodeIds;
import io.netspec.report.format.LayerFill;
import io.netspec.report.format.LayerText;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.eclipse.elk.alg.layered.options.FixedAlignment;
import org.eclipse.elk.alg.layered.options.LayeredOptions;
import org.eclipse.elk.alg.layered.options.OrderingStrategy;
import org.eclipse.elk.alg.layered.options.NodePlacementStrategy;
import org.eclipse.elk.core.RecursiveGraphLayoutEngine;
import org.eclipse.elk.core.math.ElkPadding;
import org.eclipse.elk.core.options.CoreOptions;
import org.eclipse.elk.core.options.Direction;
import org.eclipse.elk.core.options.EdgeLabelPlacement;
import org.eclipse.elk.core.options.EdgeRouting;
import org.eclipse.elk.core.options.HierarchyHandling;
import org.eclipse.elk.core.util.BasicProgressMonitor;
import org.eclipse.elk.graph.ElkBendPoint;
import org.eclipse.elk.graph.ElkEdge;
import org.eclipse.elk.graph.ElkEdgeSection;
import org.eclipse.elk.graph.ElkLabel;
import org.eclipse.elk.graph.ElkNode;
import org.eclipse.elk.graph.util.ElkGraphUtil;

/**
 * Lays out an analysed network, top to bottom, with the Eclipse Layout Kernel's layered algorithm. Every row is
 * one box showing its name, kind and patch/stride, output shape and the params (weights, K = 1024) and ops
 * (multiply-adds, M = 10^6) the summary counts. An Inception row is a group: its input fans out to four branch
 * boxes, side by side, that meet in the row's own box, the concatenation. An auxiliary classifier is a group
 * beside the main path, attached to the row it reads. Every edge carries the shape of its tensor.
 *
 * <p>The geometry depends on the analysis only (text widths are estimated, not measured with installed fonts),
 * so the same spec gives the same diagram on every machine.
 */
public final class NetworkLayout {

  static final double FONT_SIZE = 11;
  static final double SMALL_FONT_SIZE = 10;
  static final double LINE_HEIGHT = 14;
  private static final double BOX_PADDING_X = 8;
  private static final double BOX_PADDING_Y = 6;
  private static final double GROUP_TITLE = 18;
  private static final double SPLIT_SIZE = 4;
  /** How much more than others the layout wants the main path's edges straight. */
  private static final int MAIN_PATH_PRIORITY = 10;

  private final NetworkAnalysis analysis;
  private final ElkNode graph = ElkGraphUtil.createGraph();
  /** Every box's ELK node, in drawing order (groups before members), with what to draw. */
  private final Map<String, Placed> boxes = new LinkedHashMap<>();
  private final List<Connection> connections = new ArrayList<>();

  private NetworkLayout(NetworkAnalysis analysis) {
    this.analysis = analysis;
  }

  /** The laid-out diagram of {@code analysis}. */
  public static Diagram of(NetworkAnalysis analysis) {
    return new NetworkLayout(analysis).layOut();
  }

  private Diagram layOut() {
    graph.setProperty(CoreOptions.ALGORITHM, LayeredOptions.ALGORITHM_ID);
    graph.setProperty(CoreOptions.DIRECTION, Direction.DOWN);
    graph.setProperty(CoreOptions.HIERARCHY_HANDLING, HierarchyHandling.INCLUDE_CHILDREN);
    graph.setProperty(CoreOptions.EDGE_ROUTING, EdgeRouting.POLYLINE);
    graph.setProperty(CoreOptions.PADDING, new ElkPadding(12));
    graph.setProperty(CoreOptions.SPACING_NODE_NODE, 18.0);
    graph.setProperty(CoreOptions.SPACING_EDGE_LABEL, 2.0);
    graph.setProperty(LayeredOptions.SPACING_NODE_NODE_BETWEEN_LAYERS, 14.0);
    graph.setProperty(LayeredOptions.SPACING_EDGE_NODE_BETWEEN_LAYERS, 8.0);
    graph.setProperty(LayeredOptions.NODE_PLACEMENT_STRATEGY, NodePlacementStrategy.BRANDES_KOEPF);
    graph.setProperty(LayeredOptions.NODE_PLACEMENT_BK_FIXED_ALIGNMENT, FixedAlignment.BALANCED);
    // branches in the table's column order (1x1, 3x3, 5x5, pool proj), aux classifiers after the main path
    graph.setProperty(LayeredOptions.CONSIDER_MODEL_ORDER_STRATEGY, OrderingStrategy.NODES_AND_EDGES);
    graph.setProperty(LayeredOptions.CROSSING_MINIMIZATION_FORCE_NODE_MODEL_ORDER, true);
    graph.setProperty(CoreOptions.RANDOM_SEED, 1);

    ElkNode input = box(graph, NodeIds.INPUT, Diagram.Kind.INPUT, List.of("input", analysis.input().toString()),
        "#ffffff", "", null);
    ElkNode previous = input;
    TensorShape carried = analysis.input();
    for (RowFigures row : analysis.rows()) {
      ElkNode entry;
      ElkNode exit;
      Optional<Inception> module = InceptionBranch.drawnWithBranches(row.layer());
      if (module.isPresent()) {
        ElkNode[] ends = module(row, module.get());
        entry = ends[0];
        exit = ends[1];
      } else {
        entry = row(graph, row, NodeIds.row(row.layer().name()));
        exit = entry;
      }
      connect(previous, entry, carried.toString(), false, module.isEmpty(), "");
      previous = exit;
      carried = row.output();
    }
    for (AuxFigures aux : analysis.auxClassifiers()) {
      aux(aux);
    }
    new RecursiveGraphLayoutEngine().layout(graph, new BasicProgressMonitor());
    return collect();
  }

  /** Adds an Inception module's group; returns its split point and its concatenation. */
  private ElkNode[] module(RowFigures row, Inception module) {
    String name = module.name();
    ElkNode group = box(graph, "module-" + name, Diagram.Kind.MODULE, List.of(name), "#f6fbf4", name, null);
    group.setProperty(CoreOptions.PADDING, new ElkPadding(GROUP_TITLE + 4, 8, 8, 8));
    ElkNode split = box(group, NodeIds.split(name), Diagram.Kind.SPLIT, List.of(), "#6b6b6b", name, null);
    split.setDimensions(SPLIT_SIZE, SPLIT_SIZE);
    List<ElkNode> branches = new ArrayList<>();
    for (InceptionBranch branch : InceptionBranch.values()) {
      branches.add(box(group, NodeIds.branch(name, branch), Diagram.Kind.BRANCH,
          List.of(branch.describe(module), branchShape(row, module, branch).toString()), "#e3f2df", name, null));
    }
    ElkNode concat = row(group, row, NodeIds.row(name));
    for (InceptionBranch branch : InceptionBranch.values()) {
      ElkNode node = branches.get(branch.ordinal());
      connect(split, node, "", false, true, name);
      connect(node, concat, branchShape(row, module, branch).toString(), false, true, name);
    }
    return new ElkNode[] {split, concat};
  }

  /** A branch's output: the module's output size, with the branch's channels. */
  private static TensorShape branchShape(RowFigures row, Inception module, InceptionBranch branch) {
    return new TensorShape(branch.outputChannels(module), row.output().height(), row.output().width());
  }

  private void aux(AuxFigures aux) {
    AuxClassifier classifier = aux.classifier();
    if (aux.rows().isEmpty()) {
      return;
    }
    String title = classifier.name() + ", loss weight " + classifier.lossWeight() + " (training only)";
    ElkNode group = box(graph, "aux-" + classifier.name(), Diagram.Kind.AUX, List.of(title), "none", "", null);
    group.setProperty(CoreOptions.PADDING, new ElkPadding(GROUP_TITLE + 4, 8, 8, 8));
    ElkNode previous = boxes.get(NodeIds.row(classifier.after())).node();
    TensorShape carried = aux.input();
    for (RowFigures row : aux.rows()) {
      ElkNode node = row(group, row, NodeIds.auxRow(classifier.name(), row.layer().name()));
      connect(previous, node, carried.toString(), true, true, "");
      previous = node;
      carried = row.output();
    }
  }

  private ElkNode row(ElkNode parent, RowFigures row, String id) {
    Layer layer = row.layer();
    List<String> lines = new ArrayList<>();
    lines.add(id);
    String kind = (LayerText.kind(layer) + " " + LayerText.patch(layer)).strip();
    lines.add(kind);
    String detail = LayerText.detail(layer);
    if (!detail.isEmpty()) {
      lines.add(detail);
    }
    lines.add(row.output().toString());
    if (row.weights() > 0) {
      lines.add("params " + Figures.kilo(row.weights()) + " · ops " + Figures.mega(row.ops()));
    }
    Diagram.RowInfo info = new Diagram.RowInfo(kind, detail, row.input().toString(), row.output().toString(),
        row.weights(), row.trainableParams(), row.ops());
    return box(parent, id, Diagram.Kind.ROW, lines, LayerFill.of(layer), "", info);
  }

  private ElkNode box(ElkNode parent, String id, Diagram.Kind kind, List<String> lines, String fill, String module,
      Diagram.RowInfo row) {
    ElkNode node = ElkGraphUtil.createNode(parent);
    node.setIdentifier(id);
    double width = 0;
    for (int i = 0; i < lines.size(); i++) {
      width = Math.max(width, TextWidth.of(lines.get(i), size(kind, lines.get(i)), i == 0));
    }
    node.setDimensions(width + 2 * BOX_PADDING_X, lines.size() * LINE_HEIGHT + 2 * BOX_PADDING_Y);
    if (kind == Diagram.Kind.MODULE || kind == Diagram.Kind.AUX) {
      node.setProperty(CoreOptions.NODE_SIZE_MINIMUM, new org.eclipse.elk.core.math.KVector(width + 16, 0));
      node.setProperty(CoreOptions.NODE_SIZE_CONSTRAINTS,
          java.util.EnumSet.of(org.eclipse.elk.core.options.SizeConstraint.MINIMUM_SIZE));
    }
    if (boxes.putIfAbsent(id, new Placed(node, kind, lines, fill, module, row)) != null) {
      throw new IllegalStateException("two boxes named " + id);
    }
    return node;
  }

  /** The font size of a box's line: small for branches and the params line, as {@code SvgDiagram} draws them. */
  static double size(Diagram.Kind kind, String line) {
    return kind == Diagram.Kind.BRANCH || line.startsWith("params ") ? SMALL_FONT_SIZE : FONT_SIZE;
  }

  private void connect(ElkNode from, ElkNode to, String label, boolean dashed, boolean arrow, String module) {
    ElkEdge edge = ElkGraphUtil.createSimpleEdge(from, to);
    ElkGraphUtil.updateContainment(edge);
    if (module.isEmpty() && !dashed) {
      edge.setProperty(LayeredOptions.PRIORITY_STRAIGHTNESS, MAIN_PATH_PRIORITY);
    }
    if (!label.isEmpty()) {
      ElkLabel text = ElkGraphUtil.createLabel(label, edge);
      text.setDimensions(TextWidth.of(label, SMALL_FONT_SIZE, false) + 4, SMALL_FONT_SIZE + 4);
      text.setProperty(CoreOptions.EDGE_LABELS_PLACEMENT, EdgeLabelPlacement.CENTER);
    }
    connections.add(new Connection(edge, label, dashed, arrow, module));
  }

  private Diagram collect() {
    List<Diagram.Box> placed = new ArrayList<>();
    for (Map.Entry<String, Placed> entry : boxes.entrySet()) {
      Placed box = entry.getValue();
      ElkNode node = box.node();
      double[] origin = origin(node.getParent());
      placed.add(new Diagram.Box(entry.getKey(), box.kind(), origin[0] + node.getX(), origin[1] + node.getY(),
          node.getWidth(), node.getHeight(), box.lines(), box.fill(), box.module(), box.row()));
    }
    List<Diagram.Edge> edges = new ArrayList<>();
    for (Connection connection : connections) {
      ElkEdge edge = connection.edge();
      double[] origin = origin(edge.getContainingNode());
      List<Diagram.Point> points = new ArrayList<>();
      for (ElkEdgeSection section : edge.getSections()) {
        points.add(new Diagram.Point(origin[0] + section.getStartX(), origin[1] + section.getStartY()));
        for (ElkBendPoint bend : section.getBendPoints()) {
          points.add(new Diagram.Point(origin[0] + bend.getX(), origin[1] + bend.getY()));
        }
        points.add(new Diagram.Point(origin[0] + section.getEndX(), origin[1] + section.getEndY()));
      }
      double labelX = 0;
      double labelY = 0;
      if (!edge.getLabels().isEmpty()) {
        ElkLabel label = edge.getLabels().get(0);
        labelX = origin[0] + label.getX();
        labelY = origin[1] + label.getY();
      }
      String from = ((ElkNode) edge.getSources().get(0)).getIdentifier();
      String to = ((ElkNode) edge.getTargets().get(0)).getIdentifier();
      edges.add(new Diagram.Edge(from, to, points, connection.label(), labelX, labelY, connection.dashed(),
          connection.arrow(), connection.module()));
    }
    return new Diagram(title(), graph.getWidth(), graph.getHeight(), placed, edges);
  }

  /** The absolute position of {@code node}'s top left corner (its children's origin). */
  private static double[] origin(ElkNode node) {
    double x = 0;
    double y = 0;
    for (ElkNode n = node; n != null && n.getParent() != null; n = n.getParent()) {
      x += n.getX();
      y += n.getY();
    }
    return new double[] {x, y};
  }

  private String title() {
    String file = Path.of(analysis.spec().file()).getFileName().toString();
    return analysis.spec().className() + " (" + file + "), " + analysis.spec().classes() + " classes";
  }


  private record Placed(ElkNode node, Diagram.Kind kind, List<String> lines, String fill, String module,
      Diagram.RowInfo row) {}

  private record Connection(ElkEdge edge, String label, boolean dashed, boolean arrow, String module) {}
}
