package io.netspec.dsl.load;

import io.netspec.dsl.spec.Convolution;
import io.netspec.dsl.spec.Layer;
import io.netspec.dsl.spec.Patch;
import java.util.ArrayList;
import java.util.List;

/**
 * {@code convolution}: {@code patch} and {@code filters} (required), {@code reduce}, {@code padding} (default
 * {@code (H-1)/2} of the patch height) and the convolution style keys.
 */
final class ConvolutionRow implements RowType {

  private static final List<String> KEYS = withStyleKeys();

  @Override
  public String name() {
    return Convolution.TYPE;
  }

  @Override
  public List<String> keys() {
    return KEYS;
  }

  @Override
  public Layer bind(RowReader row, RowContext context) {
    Patch patch = row.requiredPatch("patch");
    return new Convolution(row.name(), row.location(), row.source(), patch,
        row.size("padding", (patch.height() - 1) / 2),
        row.requiredCount("filters"),
        row.count("reduce"),
        StyleKeys.read(row.fields(), context.defaults().convolution(), row.problems()));
  }

  private static List<String> withStyleKeys() {
    List<String> keys = new ArrayList<>(List.of("patch", "filters", "reduce", "padding"));
    keys.addAll(StyleKeys.KEYS);
    return List.copyOf(keys);
  }
}
