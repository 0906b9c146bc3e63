package io.netspec.report.format;

import io.netspec.dsl.summary.RowColumns;
import io.netspec.dsl.spec.Activation;
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

/** Short descriptions of a row for the diagram's nodes and the report's table, as the paper's table names rows. */
public final class LayerText {

  private LayerText() {}

  /**
   * The row's kind as Table 1 names it: {@code convolution}, {@code max pool}, {@code dropout (40%)}; as the
   * summary's type column, but for LRN, which the diagram spells out.
   */
  public static String kind(Layer layer) {
    return layer instanceof LocalResponseNorm ? "local response norm" : RowColumns.of(layer).type();
  }

  /** The row's patch size/stride column: {@code 7x7/2}, {@code to 4x4} for an adaptive pool, else empty. */
  public static String patch(Layer layer) {
    return RowColumns.of(layer).patch();
  }

  /**
   * One line saying what the row does beyond its kind and patch: filters, a 1x1 reduction, batch norm, units,
   * LRN size; empty when there is nothing to add.
   */
  public static String detail(Layer layer) {
    return layer.accept(new LayerVisitor<>() {
      @Override
      public String visitConvolution(Convolution conv) {
        String filters = conv.reduce().isPresent()
            ? "1x1 reduce " + conv.reduce().getAsInt() + ", then " + conv.filters() + " filters"
            : conv.filters() + " filters";
        return filters + (conv.style().batchNorm().isPresent() ? " + BN" : "");
      }

      @Override
      public String visitPool(Pool row) {
        return "";
      }

      @Override
      public String visitGlobalAvgPool(GlobalAvgPool row) {
        return "";
      }

      @Override
      public String visitAdaptiveAvgPool(AdaptiveAvgPool row) {
        return "";
      }

      @Override
      public String visitLocalResponseNorm(LocalResponseNorm lrn) {
        return "size " + lrn.size();
      }

      @Override
      public String visitInception(Inception row) {
        return "concatenation of 4 branches";
      }

      @Override
      public String visitDropout(Dropout row) {
        return "";
      }

      @Override
      public String visitLinear(Linear linear) {
        String units = linear.units() + (linear.toClasses() ? " classes" : " units");
        return linear.activation() == Activation.NONE ? units : units + " + " + linear.activation().yamlName();
      }

      @Override
      public String visitSoftmax(Softmax row) {
        return "applied by the loss";
      }
    });
  }
}
