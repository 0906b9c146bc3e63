package io.netspec.report.dot;

/** Accumulates the statements of a DOT digraph, indented by nesting. */
final class DotText {

  private final StringBuilder text = new StringBuilder();
  private int depth;

  DotText(String graphName) {
    text.append("digraph ").append(Attributes.quoted(graphName)).append(" {\n");
    depth = 1;
  }

  /** A default or graph attribute statement: {@code graph [...]}, {@code node [...]}, {@code edge [...]}. */
  DotText defaults(String kind, Attributes attributes) {
    return line(kind + " " + attributes);
  }

  DotText node(String id, Attributes attributes) {
    return line(Attributes.quoted(id) + (attributes.isEmpty() ? "" : " " + attributes));
  }

  DotText edge(String from, String to, Attributes attributes) {
    return line(Attributes.quoted(from) + " -> " + Attributes.quoted(to)
        + (attributes.isEmpty() ? "" : " " + attributes));
  }

  DotText openSubgraph(String name, Attributes attributes) {
    line("subgraph " + Attributes.quoted(name) + " {");
    depth++;
    return defaults("graph", attributes);
  }

  DotText closeSubgraph() {
    depth--;
    return line("}");
  }

  /** The finished graph. */
  String close() {
    return text + "}\n";
  }

  private DotText line(String statement) {
    text.append("  ".repeat(depth)).append(statement).append('\n');
    return this;
  }
}
