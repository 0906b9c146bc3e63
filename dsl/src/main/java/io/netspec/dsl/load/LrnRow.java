package io.netspec.dsl.load;

import io.netspec.dsl.spec.Layer;
import io.netspec.dsl.spec.LocalResponseNorm;
import java.util.List;

/** {@code lrn}: {@code size}, {@code alpha}, {@code beta}, {@code k}, each defaulting to {@code defaults.lrn}. */
final class LrnRow implements RowType {

  @Override
  public String name() {
    return LocalResponseNorm.TYPE;
  }

  @Override
  public List<String> keys() {
    return LrnSettings.KEYS;
  }

  @Override
  public Layer bind(RowReader row, RowContext context) {
    LrnSettings lrn = LrnSettings.read(row.fields(), context.defaults().lrn(), row.problems());
    return new LocalResponseNorm(row.name(), row.location(), row.source(), lrn.size(), lrn.alpha(),
        lrn.beta(), lrn.k());
  }
}
