package io.netspec.dsl.load;

import io.netspec.dsl.spec.AuxClassifier;
import io.netspec.dsl.spec.Layer;
import java.util.List;
import java.util.Optional;

/**
 * Binds one entry of {@code auxiliary_classifiers}: {@code name}, {@code after}, {@code loss_weight} and
 * {@code layers}, all required. Whether {@code after} names a row is checked on the whole spec
 * ({@link SpecBinder}), since a variant may inherit the rows.
 */
final class AuxBinder {

  static final List<String> KEYS = List.of("name", "after", "loss_weight", "layers");

  private AuxBinder() {}

  static Optional<AuxClassifier> bind(AuxNode node, RowContext context, Problems problems) {
    int before = problems.count();
    KnownKeys.check(node.fields(), KEYS, "in an auxiliary classifier", problems);
    Optional<String> name = required(node, "name", problems)
        .flatMap(f -> NameRules.check(f, "auxiliary classifier name", problems));
    Optional<String> after = required(node, "after", problems).flatMap(f -> Scalars.text(f, problems));
    double lossWeight = required(node, "loss_weight", problems)
        .map(f -> Scalars.number(f, NumberRange.atLeast(0), problems).orElse(0))
        .orElse(0.0);
    Optional<List<Layer>> layers = required(node, "layers", problems)
        .flatMap(field -> node.layers())
        .flatMap(rows -> {
          if (rows.isEmpty()) {
            problems.error(node.fields().get("layers").orElseThrow().location(),
                "an auxiliary classifier needs at least one row");
          }
          return RowBinder.bindAll(rows, context, problems);
        });
    if (problems.count() != before || name.isEmpty() || after.isEmpty() || layers.isEmpty()) {
      return Optional.empty();
    }
    return Optional.of(new AuxClassifier(name.get(), node.location(), after.get(), lossWeight, layers.get()));
  }

  private static Optional<Field> required(AuxNode node, String key, Problems problems) {
    Optional<Field> field = node.fields().get(key);
    if (field.isEmpty()) {
      String named = node.fields().get("name").flatMap(Field::scalar).map(n -> " '" + n + "'").orElse("");
      problems.error(node.location(), "auxiliary classifier" + named + " is missing required key '" + key + "'");
    }
    return field;
  }
}
