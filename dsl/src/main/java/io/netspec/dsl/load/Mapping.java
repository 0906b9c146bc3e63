package io.netspec.dsl.load;

import io.netspec.dsl.diagnostics.SourceLocation;
import io.netspec.dsl.yaml.YamlFile;
import java.util.Collection;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import org.yaml.snakeyaml.nodes.MappingNode;
import org.yaml.snakeyaml.nodes.NodeTuple;
import org.yaml.snakeyaml.nodes.ScalarNode;

/**
 * The keys of a YAML mapping in written order, each with its value and position. Immutable: merging
 * ({@link #with}) makes a new mapping.
 */
record Mapping(SourceLocation location, Map<String, Field> fields) {

  Mapping {
    fields = Collections.unmodifiableMap(new LinkedHashMap<>(fields));
  }

  /** No keys, for a section or row part that is not written. */
  static final Mapping EMPTY = new Mapping(SourceLocation.ofFile(""), Map.of());

  /** Reads a mapping node; a key that is not plain text, or given twice, is a mistake. */
  static Mapping read(YamlFile file, MappingNode node, Problems problems) {
    Map<String, Field> fields = new LinkedHashMap<>();
    for (NodeTuple tuple : node.getValue()) {
      SourceLocation keyLocation = file.locate(tuple.getKeyNode());
      if (!(tuple.getKeyNode() instanceof ScalarNode key)) {
        problems.error(keyLocation, "a key must be a plain name, found " + Field.found(tuple.getKeyNode()));
        continue;
      }
      Field earlier = fields.get(key.getValue());
      if (earlier != null) {
        problems.error(keyLocation, "duplicate key '" + key.getValue() + "'; it is already given at line "
            + earlier.keyLocation().line());
        continue;
      }
      fields.put(key.getValue(), new Field(key.getValue(), keyLocation, tuple.getValueNode(), file));
    }
    return new Mapping(file.locate(node), fields);
  }

  Optional<Field> get(String key) {
    return Optional.ofNullable(fields.get(key));
  }

  Collection<Field> values() {
    return fields.values();
  }

  /** This mapping with the keys of {@code changes} replacing or added to its own; the location stays. */
  Mapping with(Mapping changes) {
    Map<String, Field> merged = new LinkedHashMap<>(fields);
    merged.putAll(changes.fields());
    return new Mapping(location, merged);
  }
}
