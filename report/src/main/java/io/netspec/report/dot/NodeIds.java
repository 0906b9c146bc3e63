package io.netspec.report.dot;

/**
 * The names of the diagram's Graphviz nodes. A main-path row's node is named as the row, so that the SVG's
 * {@code <title>} of every row node is its name; the others use characters a row name cannot contain
 * ({@code [a-z][a-z0-9_]*}), so that no two nodes ever share a name.
 */
public final class NodeIds {

  /** The network's input. */
  public static final String INPUT = "#input";

  private NodeIds() {}

  /** A main-path row: its name. */
  public static String row(String name) {
    return name;
  }

  /** A row of an auxiliary classifier: {@code aux1.pool}, as the summary names it. */
  public static String auxRow(String classifier, String row) {
    return classifier + "." + row;
  }

  /** One of an Inception module's branches: {@code inception_3a/3x3}. */
  public static String branch(String module, InceptionBranch branch) {
    return module + "/" + branch.key();
  }

  /** The point where an Inception module's input fans out to its four branches. */
  public static String split(String module) {
    return module + "/split";
  }

  /** The Graphviz cluster around an Inception module's branches and concatenation. */
  public static String moduleCluster(String module) {
    return "cluster_" + module;
  }

  /** The Graphviz cluster around an auxiliary classifier's rows. */
  public static String auxCluster(String classifier) {
    return "cluster_aux_" + classifier;
  }
}
