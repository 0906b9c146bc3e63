package io.netspec.report.dot;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Reads back the DOT text {@link DiagramRenderer} writes, one statement a line, so that tests can check its
 * structure: nodes with their attributes and enclosing cluster, and edges with their attributes.
 */
record DotGraph(Map<String, Node> nodes, List<Edge> edges, Map<String, String> clusterLabels) {

  private static final Pattern NODE = Pattern.compile("^\\s*\"([^\"]+)\" \\[(.*)]$");
  private static final Pattern EDGE = Pattern.compile("^\\s*\"([^\"]+)\" -> \"([^\"]+)\"(?: \\[(.*)])?$");
  private static final Pattern SUBGRAPH = Pattern.compile("^\\s*subgraph \"([^\"]+)\" \\{$");
  private static final Pattern ATTRIBUTE =
      Pattern.compile("(\\w+)=(\"(?:[^\"\\\\]|\\\\.)*\"|<.*?>(?=, \\w+=|$)|[^,]+)");

  record Node(String id, String cluster, Map<String, String> attributes) {
    String attribute(String name) {
      return attributes.getOrDefault(name, "");
    }
  }

  record Edge(String from, String to, Map<String, String> attributes) {
    String label() {
      return attributes.getOrDefault("label", "").strip();
    }
  }

  static DotGraph parse(String dot) {
    Map<String, Node> nodes = new LinkedHashMap<>();
    List<Edge> edges = new ArrayList<>();
    Map<String, String> clusterLabels = new LinkedHashMap<>();
    String cluster = "";
    for (String line : dot.split("\n")) {
      Matcher edge = EDGE.matcher(line);
      Matcher node = NODE.matcher(line);
      Matcher subgraph = SUBGRAPH.matcher(line);
      if (subgraph.matches()) {
        cluster = subgraph.group(1);
      } else if (line.strip().equals("}")) {
        cluster = "";
      } else if (edge.matches()) {
        edges.add(new Edge(edge.group(1), edge.group(2), attributes(edge.group(3))));
      } else if (node.matches()) {
        nodes.put(node.group(1), new Node(node.group(1), cluster, attributes(node.group(2))));
      } else if (line.strip().startsWith("graph [") && !cluster.isEmpty()) {
        clusterLabels.put(cluster, attributes(line.strip().substring(7, line.strip().length() - 1)).get("label"));
      }
    }
    return new DotGraph(nodes, edges, clusterLabels);
  }

  List<Edge> edgesFrom(String id) {
    return edges.stream().filter(e -> e.from().equals(id)).toList();
  }

  List<Edge> edgesInto(String id) {
    return edges.stream().filter(e -> e.to().equals(id)).toList();
  }

  private static Map<String, String> attributes(String list) {
    Map<String, String> attributes = new LinkedHashMap<>();
    if (list == null) {
      return attributes;
    }
    Matcher m = ATTRIBUTE.matcher(list);
    while (m.find()) {
      String value = m.group(2);
      if (value.startsWith("\"")) {
        value = value.substring(1, value.length() - 1).replace("\\\"", "\"").replace("\\\\", "\\");
      }
      attributes.put(m.group(1), value);
    }
    return attributes;
  }
}
