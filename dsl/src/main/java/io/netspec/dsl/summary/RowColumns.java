package io.netspec.dsl.summary;

import io.netspec.dsl.spec.AdaptiveAvgPool;
import io.netspec.dsl.spec.Convolution;
import io.netspec.dsl.spec.Dropout;
import io.netspec.dsl.spec.GlobalAvgPool;
import io.netspec.dsl.spec.Inception;
import io.netspec.dsl.spec.Layer;
import io.netspec.dsl.spec.Pool;
import java.math.BigDecimal;
import java.util.Arrays;
import java.util.List;

/**
 * The descriptive columns of Table 1 for one row: its type as the table names it, patch/stride, and the
 * six channel columns (#1x1, #3x3 reduce, #3x3, #5x5 reduce, #5x5, pool proj), blank where the table is.
 * Shared by the text summary and the report's diagram and table, so that all name rows alike.
 */
public record RowColumns(String type, String patch, List<String> channels) {

  private static final int CHANNEL_COLUMNS = 6;

  /** The columns of {@code layer}. */
  public static RowColumns of(Layer layer) {
    String[] channels = new String[CHANNEL_COLUMNS];
    Arrays.fill(channels, "");
    if (layer instanceof Convolution conv) {
      conv.reduce().ifPresent(reduce -> {
        channels[1] = Integer.toString(reduce);
        channels[2] = Integer.toString(conv.filters());
      });
      return new RowColumns("convolution", conv.patch().toString(), List.of(channels));
    } else if (layer instanceof Pool pool) {
      return new RowColumns(pool.kind().tableName(), pool.patch().toString(), List.of(channels));
    } else if (layer instanceof Inception m) {
      int[] numbers = {m.n1x1(), m.n3x3Reduce(), m.n3x3(), m.n5x5Reduce(), m.n5x5(), m.poolProj()};
      return new RowColumns("inception", "", Arrays.stream(numbers).mapToObj(Integer::toString).toList());
    } else if (layer instanceof Dropout dropout) {
      String percent = new BigDecimal(Double.toString(dropout.rate())).movePointRight(2)
          .stripTrailingZeros().toPlainString();
      return new RowColumns("dropout (" + percent + "%)", "", List.of(channels));
    } else if (layer instanceof AdaptiveAvgPool pool) {
      return new RowColumns("adaptive avg pool", "to " + pool.height() + "x" + pool.width(), List.of(channels));
    } else if (layer instanceof GlobalAvgPool) {
      return new RowColumns("global avg pool", "", List.of(channels));
    }
    return new RowColumns(layer.type(), "", List.of(channels));
  }
}
