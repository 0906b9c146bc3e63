package io.netspec.dsl.load;

import io.netspec.dsl.spec.Activation;
import io.netspec.dsl.spec.Layer;
import io.netspec.dsl.spec.Linear;
import java.util.List;
import java.util.Optional;

/**
 * {@code linear}: {@code units} (required: an integer ≥ 1, or {@code classes} for the spec's number of
 * classes), {@code bias} (true), {@code activation} (none).
 */
final class LinearRow implements RowType {

  static final String CLASSES = "classes";

  @Override
  public String name() {
    return Linear.TYPE;
  }

  @Override
  public List<String> keys() {
    return List.of("units", "bias", "activation");
  }

  @Override
  public Layer bind(RowReader row, RowContext context) {
    Optional<Field> units = row.required("units");
    boolean toClasses = units.flatMap(Field::scalar).filter(CLASSES::equals).isPresent();
    int width = toClasses ? context.classes()
        : units.flatMap(f -> Scalars.integer(f, 1, " or '" + CLASSES + "'", row.problems())).orElse(1);
    return new Linear(row.name(), row.location(), row.source(), width, toClasses,
        row.field("bias").flatMap(f -> Scalars.bool(f, row.problems())).orElse(true),
        row.field("activation").flatMap(f -> StyleKeys.activation(f, row.problems())).orElse(Activation.NONE));
  }
}
