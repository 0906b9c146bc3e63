package io.netspec.dsl.load;

import java.util.stream.Collectors;
import org.yaml.snakeyaml.DumperOptions.ScalarStyle;
import org.yaml.snakeyaml.nodes.MappingNode;
import org.yaml.snakeyaml.nodes.Node;
import org.yaml.snakeyaml.nodes.NodeTuple;
import org.yaml.snakeyaml.nodes.ScalarNode;
import org.yaml.snakeyaml.nodes.SequenceNode;

/**
 * Renders a row on one line in YAML flow style, keys in written order and values as written (quotes kept):
 * a flow row of a spec comes out as its text with whitespace collapsed, a block row as its flow equivalent,
 * and a row changed by a variant with the changed values in place.
 */
final class RowSource {

  private RowSource() {}

  static String render(Mapping row) {
    return row.values().stream()
        .map(field -> field.key() + ": " + render(field.value()))
        .collect(Collectors.joining(", ", "{", "}"));
  }

  private static String render(Node node) {
    if (node instanceof ScalarNode scalar) {
      return quoted(scalar);
    } else if (node instanceof SequenceNode sequence) {
      return sequence.getValue().stream().map(RowSource::render).collect(Collectors.joining(", ", "[", "]"));
    }
    return ((MappingNode) node).getValue().stream()
        .map(RowSource::render)
        .collect(Collectors.joining(", ", "{", "}"));
  }

  private static String render(NodeTuple tuple) {
    return render(tuple.getKeyNode()) + ": " + render(tuple.getValueNode());
  }

  private static String quoted(ScalarNode scalar) {
    String text = scalar.getValue().replaceAll("\\s+", " ").strip();
    if (scalar.getScalarStyle() == ScalarStyle.SINGLE_QUOTED) {
      return "'" + text.replace("'", "''") + "'";
    } else if (scalar.getScalarStyle() == ScalarStyle.DOUBLE_QUOTED) {
      return "\"" + text.replace("\\", "\\\\").replace("\"", "\\\"") + "\"";
    }
    return text;
  }
}
