package io.netspec.dsl.load;

import io.netspec.dsl.spec.Layer;
import io.netspec.dsl.spec.Pool;
import io.netspec.dsl.spec.PoolKind;
import java.util.List;

/** {@code max_pool} and {@code avg_pool}: {@code patch} (required), {@code padding} (0), {@code rounding}. */
final class PoolRow implements RowType {

  private static final List<String> KEYS = List.of("patch", "padding", "rounding");

  private final PoolKind kind;

  PoolRow(PoolKind kind) {
    this.kind = kind;
  }

  @Override
  public String name() {
    return kind == PoolKind.MAX ? Pool.MAX_TYPE : Pool.AVG_TYPE;
  }

  @Override
  public List<String> keys() {
    return KEYS;
  }

  @Override
  public Layer bind(RowReader row, RowContext context) {
    return new Pool(row.name(), row.location(), row.source(), kind,
        row.requiredPatch("patch"),
        row.size("padding", 0),
        Defaults.rounding(row.fields(), context.defaults().rounding(), row.problems()));
  }
}
