package io.netspec.dsl.load;

import io.netspec.dsl.yaml.YamlFile;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * The top level of one spec file, its structure checked but its values not yet bound; or, after
 * {@link VariantMerger}, a whole chain of {@code extends} merged into one (with no parent, changes or removals
 * left).
 *
 * @param file the file (for a merged chain: the child's, which names the generated class)
 * @param top the top-level keys; {@code description}, {@code input} and {@code classes} are read from here
 * @param parent the {@code extends} key
 * @param defaults the sections of {@code defaults} by name
 * @param layers the rows of {@code layers}, if given
 * @param auxClassifiers the entries of {@code auxiliary_classifiers}, if given
 * @param removals the entries of {@code remove}
 * @param changes the entries of {@code change}
 * @param training the keys of {@code training} ({@link Mapping#EMPTY} if not given; merged key by key)
 */
record SpecDocument(
    YamlFile file,
    Mapping top,
    Optional<Field> parent,
    Map<String, Mapping> defaults,
    Optional<List<RowNode>> layers,
    Optional<List<AuxNode>> auxClassifiers,
    List<Field> removals,
    List<RowChange> changes,
    Mapping training) {

  SpecDocument {
    defaults = Map.copyOf(defaults);
    layers = layers.map(List::copyOf);
    auxClassifiers = auxClassifiers.map(List::copyOf);
    removals = List.copyOf(removals);
    changes = List.copyOf(changes);
  }
}
