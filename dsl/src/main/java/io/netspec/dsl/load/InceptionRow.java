package io.netspec.dsl.load;

import io.netspec.dsl.spec.Inception;
import io.netspec.dsl.spec.Layer;
import java.util.ArrayList;
import java.util.List;

/**
 * {@code inception}: the table's six columns (all required), {@code 5x5_patch} and the convolution style
 * keys.
 */
final class InceptionRow implements RowType {

  private static final List<String> COLUMNS =
      List.of("1x1", "3x3_reduce", "3x3", "5x5_reduce", "5x5", "pool_proj");
  private static final List<String> KEYS = withStyleKeys();

  @Override
  public String name() {
    return Inception.TYPE;
  }

  @Override
  public List<String> keys() {
    return KEYS;
  }

  @Override
  public Layer bind(RowReader row, RowContext context) {
    int[] columns = COLUMNS.stream().mapToInt(row::requiredCount).toArray();
    return new Inception(row.name(), row.location(), row.source(),
        columns[0], columns[1], columns[2], columns[3], columns[4], columns[5],
        Defaults.fivePatch(row.fields(), context.defaults().fivePatch(), row.problems()),
        StyleKeys.read(row.fields(), context.defaults().convolution(), row.problems()));
  }

  private static List<String> withStyleKeys() {
    List<String> keys = new ArrayList<>(COLUMNS);
    keys.add("5x5_patch");
    keys.addAll(StyleKeys.KEYS);
    return List.copyOf(keys);
  }
}
