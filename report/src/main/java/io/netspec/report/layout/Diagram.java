package io.netspec.report.layout;

import java.util.List;

/**
 * A laid-out diagram in absolute coordinates (pixels, origin top left): boxes (rows, Inception branches, the
 * groups around modules and auxiliary classifiers) and the edges between them.
 *
 * @param title the line above the drawing
 * @param width the drawing's width
 * @param height the drawing's height
 * @param boxes every box, groups before their members
 * @param edges every edge
 */
public record Diagram(String title, double width, double height, List<Box> boxes, List<Edge> edges) {

  public Diagram {
    boxes = List.copyOf(boxes);
    edges = List.copyOf(edges);
  }

  /** What a box stands for; it decides how the box is drawn. */
  public enum Kind {
    /** The network's input. */
    INPUT,
    /** A row of the spec (of the main path or of an auxiliary classifier). */
    ROW,
    /** One of an Inception module's four branches. */
    BRANCH,
    /** The point where an Inception module's input fans out to its branches. */
    SPLIT,
    /** The group around an Inception module's branches and its concatenation. */
    MODULE,
    /** The group around an auxiliary classifier's rows. */
    AUX
  }

  /**
   * One box.
   *
   * @param id unique among the diagram's boxes (a main-path row's id is its name, an aux row's
   *     {@code aux1.fc1}, as the summary names them)
   * @param kind what it stands for
   * @param x left edge
   * @param y top edge
   * @param width width
   * @param height height
   * @param lines its text, first line bold (for a group: its title)
   * @param fill its fill colour
   * @param module the Inception module it belongs to (its branches and split point), or empty
   * @param row the row it draws, for {@link Kind#ROW}; else null
   */
  public record Box(String id, Kind kind, double x, double y, double width, double height, List<String> lines,
      String fill, String module, RowInfo row) {

    public Box {
      lines = List.copyOf(lines);
    }
  }

  /**
   * What a click on a row's box shows: the spec row and its figures.
   *
   * @param kind kind and patch/stride, e.g. {@code convolution 7x7/2}
   * @param detail filters, reduction, units, or empty
   * @param input the shape it reads
   * @param output the shape it writes
   * @param weights weights (the table's params)
   * @param trainable every trained parameter (weights, biases, batch-norm scale and shift)
   * @param ops multiply-adds for one image
   */
  public record RowInfo(String kind, String detail, String input, String output, long weights, long trainable,
      long ops) {}

  /**
   * One edge, as a polyline from its source box to its target box.
   *
   * @param from the source box's id
   * @param to the target box's id
   * @param points the polyline, at least two points
   * @param label the tensor shape it carries, or empty
   * @param labelX the label's left edge
   * @param labelY the label's top edge
   * @param dashed drawn dashed (into an auxiliary classifier)
   * @param arrow drawn with an arrow head
   * @param module the Inception module it belongs to, or empty
   */
  public record Edge(String from, String to, List<Point> points, String label, double labelX, double labelY,
      boolean dashed, boolean arrow, String module) {

    public Edge {
      points = List.copyOf(points);
    }
  }

  /** A point. */
  public record Point(double x, double y) {}
}
