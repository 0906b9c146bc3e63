package io.netspec.dsl.load;

import io.netspec.dsl.diagnostics.SourceLocation;
import io.netspec.dsl.yaml.YamlFile;
import java.util.Optional;
import org.yaml.snakeyaml.nodes.MappingNode;
import org.yaml.snakeyaml.nodes.Node;
import org.yaml.snakeyaml.nodes.ScalarNode;
import org.yaml.snakeyaml.nodes.SequenceNode;

/**
 * One key of a YAML mapping and its value, with the file they are written in (a row of a variant may mix
 * keys of the parent file and of the variant's {@code change}).
 */
record Field(String key, SourceLocation keyLocation, Node value, YamlFile file) {

  /** The most characters of spec text a message quotes. */
  static final int QUOTED = 80;

  /** Where the value starts: mistakes in a value are reported there. */
  SourceLocation location() {
    return file.locate(value);
  }

  /** The value's text, when it is a scalar. */
  Optional<String> scalar() {
    return value instanceof ScalarNode scalar ? Optional.of(scalar.getValue()) : Optional.empty();
  }

  Optional<MappingNode> mapping() {
    return value instanceof MappingNode mapping ? Optional.of(mapping) : Optional.empty();
  }

  Optional<SequenceNode> sequence() {
    return value instanceof SequenceNode sequence ? Optional.of(sequence) : Optional.empty();
  }

  /** The value as a message shows what was found: {@code 'abc'}, {@code a list}, {@code a mapping}. */
  String found() {
    return found(value);
  }

  static String found(Node node) {
    if (node instanceof ScalarNode scalar) {
      return scalar.getValue().isEmpty() ? "nothing" : quote(scalar.getValue());
    }
    return node instanceof SequenceNode ? "a list" : "a mapping";
  }

  /**
   * Text of the spec as a message quotes it: {@code 'abc'}; text longer than {@value #QUOTED} characters is cut
   * and its length given, {@code 'aaa…' (70000 characters)}, so that a message stays one readable line.
   */
  static String quote(String text) {
    int length = text.codePointCount(0, text.length());
    if (length <= QUOTED) {
      return "'" + text + "'";
    }
    return "'" + text.substring(0, text.offsetByCodePoints(0, QUOTED)) + "…' (" + length + " characters)";
  }
}
