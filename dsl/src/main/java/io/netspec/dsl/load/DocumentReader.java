package io.netspec.dsl.load;

import io.netspec.dsl.yaml.YamlFile;
import io.netspec.dsl.yaml.YamlLimits;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeSet;
import org.yaml.snakeyaml.nodes.MappingNode;
import org.yaml.snakeyaml.nodes.Node;
import org.yaml.snakeyaml.nodes.SequenceNode;

/**
 * Reads the top level of one spec file into a {@link SpecDocument}: which keys are known, and that lists are
 * lists and mappings mappings. Values are checked later, when rows and defaults are bound.
 */
final class DocumentReader {

  /** The top-level keys of spec-format.md. */
  static final List<String> KEYS = List.of("extends", "description", "input", "classes", "defaults",
      "layers", "auxiliary_classifiers", "change", "remove", "training");

  private final YamlFile file;
  private final Problems problems;
  private int rowCount;

  private DocumentReader(YamlFile file, Problems problems) {
    this.file = file;
    this.problems = problems;
  }

  /** The document; empty, with the mistake reported, when the file is not a mapping at all. */
  static Optional<SpecDocument> read(YamlFile file, Problems problems) {
    return new DocumentReader(file, problems).read();
  }

  private Optional<SpecDocument> read() {
    Optional<Node> root = file.root();
    if (root.isEmpty() || !(root.get() instanceof MappingNode node)) {
      problems.error(file.start(), "a spec must be a mapping of keys such as 'input', 'classes' and 'layers'");
      return Optional.empty();
    }
    Mapping top = Mapping.read(file, node, problems);
    KnownKeys.check(top, KEYS, "at the top level of a spec", problems);
    Optional<Field> parent = top.get("extends");
    if (parent.isEmpty()) {
      for (String variantKey : List.of("change", "remove")) {
        top.get(variantKey).ifPresent(f -> problems.error(f.keyLocation(),
            "'" + variantKey + "' is only allowed in a spec that extends another"));
      }
    }
    return Optional.of(new SpecDocument(file, top, parent,
        top.get("defaults").map(this::defaults).orElse(Map.of()),
        top.get("layers").flatMap(this::rows),
        top.get("auxiliary_classifiers").flatMap(this::auxClassifiers),
        top.get("remove").map(this::removals).orElse(List.of()),
        top.get("change").map(this::changes).orElse(List.of()),
        top.get("training").flatMap(this::mapping).orElse(Mapping.EMPTY)));
  }

  private Map<String, Mapping> defaults(Field field) {
    Map<String, Mapping> sections = new LinkedHashMap<>();
    Optional<Mapping> defaults = mapping(field);
    if (defaults.isEmpty()) {
      return sections;
    }
    KnownKeys.check(defaults.get(), new TreeSet<>(Defaults.SECTIONS.keySet()), "in 'defaults'", problems);
    for (Field section : defaults.get().values()) {
      if (Defaults.SECTIONS.containsKey(section.key())) {
        mapping(section).ifPresent(keys -> sections.put(section.key(), keys));
      }
    }
    return sections;
  }

  /** A list of rows; each row must be a mapping. */
  private Optional<List<RowNode>> rows(Field field) {
    Optional<SequenceNode> list = list(field, "a list of rows");
    if (list.isEmpty()) {
      return Optional.empty();
    }
    List<RowNode> rows = new ArrayList<>();
    for (Node item : list.get().getValue()) {
      if (++rowCount > YamlLimits.MAX_ROWS) {
        if (rowCount == YamlLimits.MAX_ROWS + 1) {
          problems.error(file.locate(item), "row " + rowCount + " is more than a spec may have: at most "
              + YamlLimits.MAX_ROWS + " rows, layers and auxiliary classifiers together (the generated code of a larger "
              + "network would not compile)");
        }
        break;
      }
      if (item instanceof MappingNode row) {
        Mapping fields = Mapping.read(file, row, problems);
        rows.add(new RowNode(fields.location(), fields));
      } else {
        problems.error(file.locate(item),
            "expected a row such as {name: conv1, type: convolution, ...}, found " + Field.found(item));
      }
    }
    return Optional.of(rows);
  }

  private Optional<List<AuxNode>> auxClassifiers(Field field) {
    Optional<SequenceNode> list = list(field, "a list of auxiliary classifiers");
    if (list.isEmpty()) {
      return Optional.empty();
    }
    List<AuxNode> classifiers = new ArrayList<>();
    for (Node item : list.get().getValue()) {
      if (item instanceof MappingNode entry) {
        Mapping fields = Mapping.read(file, entry, problems);
        classifiers.add(new AuxNode(fields.location(), fields, fields.get("layers").flatMap(this::rows)));
      } else {
        problems.error(file.locate(item), "expected an auxiliary classifier {name: ..., after: ..., "
            + "loss_weight: ..., layers: [...]}, found " + Field.found(item));
      }
    }
    return Optional.of(classifiers);
  }

  private List<Field> removals(Field field) {
    List<Field> names = new ArrayList<>();
    list(field, "a list of row names").ifPresent(list -> {
      for (Node item : list.getValue()) {
        Field name = new Field(field.key(), file.locate(item), item, file);
        Scalars.text(name, problems).ifPresent(text -> names.add(name));
      }
    });
    return names;
  }

  private List<RowChange> changes(Field field) {
    List<RowChange> changes = new ArrayList<>();
    mapping(field).ifPresent(byRow -> {
      for (Field target : byRow.values()) {
        mapping(target).ifPresent(keys -> changes.add(new RowChange(target, keys)));
      }
    });
    return changes;
  }

  private Optional<Mapping> mapping(Field field) {
    if (field.mapping().isEmpty()) {
      problems.error(field.location(), "expected a mapping for '" + field.key() + "', found " + field.found());
      return Optional.empty();
    }
    return Optional.of(Mapping.read(file, field.mapping().get(), problems));
  }

  private Optional<SequenceNode> list(Field field, String expected) {
    if (field.sequence().isEmpty()) {
      problems.error(field.location(), "expected " + expected + " for '" + field.key() + "', found "
          + field.found());
    }
    return field.sequence();
  }
}
