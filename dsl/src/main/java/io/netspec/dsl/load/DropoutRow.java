package io.netspec.dsl.load;

import io.netspec.dsl.spec.Dropout;
import io.netspec.dsl.spec.Layer;
import java.util.List;

/** {@code dropout}: {@code rate} (required, 0 ≤ rate &lt; 1). */
final class DropoutRow implements RowType {

  @Override
  public String name() {
    return Dropout.TYPE;
  }

  @Override
  public List<String> keys() {
    return List.of("rate");
  }

  @Override
  public Layer bind(RowReader row, RowContext context) {
    return new Dropout(row.name(), row.location(), row.source(),
        row.requiredNumber("rate", NumberRange.fraction()));
  }
}
