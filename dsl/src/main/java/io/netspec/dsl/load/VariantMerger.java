package io.netspec.dsl.load;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Collectors;

/**
 * Merges a chain of specs into one, root first, as spec-format.md's <em>Variants</em> says: a variant's
 * {@code description}, {@code input} and {@code classes} replace its parent's; {@code defaults} merge section by
 * section, key by key; {@code layers} and {@code auxiliary_classifiers}, if given, replace the parent's list
 * whole; then {@code remove} drops rows of {@code layers} and {@code change} merges keys into them.
 */
final class VariantMerger {

  private VariantMerger() {}

  /**
   * Merges a chain into one document, with the child's file.
   *
   * @param chain the specs, child first, as {@link ChainReader} reads them; not empty
   */
  static SpecDocument merge(List<SpecDocument> chain, Problems problems) {
    SpecDocument merged = chain.get(chain.size() - 1);
    for (int i = chain.size() - 2; i >= 0; i--) {
      merged = apply(merged, chain.get(i), problems);
    }
    return new SpecDocument(merged.file(), merged.top(), Optional.empty(), merged.defaults(),
        merged.layers(), merged.auxClassifiers(), List.of(), List.of(), merged.training());
  }

  private static SpecDocument apply(SpecDocument parent, SpecDocument variant, Problems problems) {
    Map<String, Mapping> defaults = new LinkedHashMap<>(parent.defaults());
    variant.defaults().forEach((section, keys) -> defaults.merge(section, keys, Mapping::with));
    Optional<List<RowNode>> layers = variant.layers().or(parent::layers)
        .map(rows -> changed(removed(rows, variant.removals(), problems), variant.changes(), problems));
    return new SpecDocument(variant.file(), parent.top().with(variant.top()), Optional.empty(), defaults,
        layers, variant.auxClassifiers().or(parent::auxClassifiers), List.of(), List.of(),
        parent.training().with(variant.training()));
  }

  private static List<RowNode> removed(List<RowNode> rows, List<Field> removals, Problems problems) {
    List<RowNode> kept = new ArrayList<>(rows);
    for (Field removal : removals) {
      String name = removal.scalar().orElse("");
      if (!kept.removeIf(row -> row.name().filter(name::equals).isPresent())) {
        missing("remove", removal, name, kept, problems);
      }
    }
    return kept;
  }

  private static List<RowNode> changed(List<RowNode> rows, List<RowChange> changes, Problems problems) {
    List<RowNode> result = new ArrayList<>(rows);
    for (RowChange change : changes) {
      String name = change.target().key();
      change.keys().get("name").ifPresent(field ->
          problems.error(field.keyLocation(), "'change' cannot rename row '" + name + "'"));
      int index = indexOf(result, name);
      if (index < 0) {
        missing("change", change.target(), name, result, problems);
      } else {
        result.set(index, result.get(index).changedBy(change.keys()));
      }
    }
    return result;
  }

  private static int indexOf(List<RowNode> rows, String name) {
    for (int i = 0; i < rows.size(); i++) {
      if (rows.get(i).name().filter(name::equals).isPresent()) {
        return i;
      }
    }
    return -1;
  }

  private static void missing(String key, Field field, String name, List<RowNode> rows, Problems problems) {
    List<String> names = rows.stream().flatMap(row -> row.name().stream()).collect(Collectors.toList());
    boolean isChange = key.equals("change");
    problems.error(isChange ? field.keyLocation() : field.location(), "'" + key + "' names '" + name
        + "', but no row of 'layers' has that name" + Suggestions.hint(name, names, ""));
  }
}
