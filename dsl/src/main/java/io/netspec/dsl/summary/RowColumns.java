package io.netspec.dsl.summary;

import io.netspec.dsl.spec.AdaptiveAvgPool;
import io.netspec.dsl.spec.Convolution;
import io.netspec.dsl.spec.Dropout;
import io.netspec.dsl.spec.GlobalAvgPool;
import io.netspec.dsl.spec.Inception;
import io.netspec.dsl.spec.Layer;
import io.netspec.dsl.spec.LayerVisitor;
import io.netspec.dsl.spec.Linear;
import io.netspec.dsl.spec.LocalResponseNorm;
import io.netspec.dsl.spec.Pool;
import io.netspec.dsl.spec.Softmax;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collections;
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
    return layer.accept(new LayerVisitor<>() {
      @Override
      public RowColumns visitConvolution(Convolution conv) {
        List<String> channels = new ArrayList<>(blank());
        conv.reduce().ifPresent(reduce -> {
          channels.set(1, Integer.toString(reduce));
          channels.set(2, Integer.toString(conv.filters()));
        });
        return new RowColumns("convolution", conv.patch().toString(), List.copyOf(channels));
      }

      @Override
      public RowColumns visitPool(Pool pool) {
        return new RowColumns(pool.kind().tableName(), pool.patch().toString(), blank());
      }

      @Override
      public RowColumns visitGlobalAvgPool(GlobalAvgPool row) {
        return new RowColumns("global avg pool", "", blank());
      }

      @Override
      public RowColumns visitAdaptiveAvgPool(AdaptiveAvgPool pool) {
        return new RowColumns("adaptive avg pool", "to " + pool.height() + "x" + pool.width(), blank());
      }

      @Override
      public RowColumns visitLocalResponseNorm(LocalResponseNorm row) {
        return new RowColumns(row.type(), "", blank());
      }

      @Override
      public RowColumns visitInception(Inception m) {
        int[] numbers = {m.n1x1(), m.n3x3Reduce(), m.n3x3(), m.n5x5Reduce(), m.n5x5(), m.poolProj()};
        return new RowColumns("inception", "", Arrays.stream(numbers).mapToObj(Integer::toString).toList());
      }

      @Override
      public RowColumns visitDropout(Dropout dropout) {
        String percent = new BigDecimal(Double.toString(dropout.rate())).movePointRight(2)
            .stripTrailingZeros().toPlainString();
        return new RowColumns("dropout (" + percent + "%)", "", blank());
      }

      @Override
      public RowColumns visitLinear(Linear row) {
        return new RowColumns(row.type(), "", blank());
      }

      @Override
      public RowColumns visitSoftmax(Softmax row) {
        return new RowColumns(row.type(), "", blank());
      }
    });
  }

  private static List<String> blank() {
    return Collections.nCopies(CHANNEL_COLUMNS, "");
  }
}
