package io.netspec.dsl.load;

import io.netspec.dsl.spec.AdaptiveAvgPool;
import io.netspec.dsl.spec.Layer;
import java.util.List;

/** {@code adaptive_avg_pool}: {@code output: HxW} (required). */
final class AdaptiveAvgPoolRow implements RowType {

  @Override
  public String name() {
    return AdaptiveAvgPool.TYPE;
  }

  @Override
  public List<String> keys() {
    return List.of("output");
  }

  @Override
  public Layer bind(RowReader row, RowContext context) {
    int[] size = row.required("output")
        .flatMap(f -> Scalars.sizes(f, 2, "an output size 'HxW' such as '4x4'", row.problems()))
        .orElse(new int[] {1, 1});
    return new AdaptiveAvgPool(row.name(), row.location(), row.source(), size[0], size[1]);
  }
}
