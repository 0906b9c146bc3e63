package io.netspec.report.format;

import io.netspec.dsl.spec.Activation;
import io.netspec.dsl.spec.AdaptiveAvgPool;
import io.netspec.dsl.spec.Convolution;
import io.netspec.dsl.spec.Dropout;
import io.netspec.dsl.spec.GlobalAvgPool;
import io.netspec.dsl.spec.Inception;
import io.netspec.dsl.spec.Layer;
import io.netspec.dsl.spec.Linear;
import io.netspec.dsl.spec.LocalResponseNorm;
import io.netspec.dsl.spec.Pool;
import io.netspec.dsl.spec.Softmax;
import java.math.BigDecimal;

/** Short descriptions of a row for the diagram's nodes and the report's table, as the paper's table names rows. */
public final class LayerText {

  private LayerText() {}

  /** The row's kind as Table 1 names it: {@code convolution}, {@code max pool}, {@code dropout (40%)}. */
  public static String kind(Layer layer) {
    if (layer instanceof Pool pool) {
      return pool.kind().tableName();
    } else if (layer instanceof GlobalAvgPool) {
      return "global avg pool";
    } else if (layer instanceof AdaptiveAvgPool) {
      return "adaptive avg pool";
    } else if (layer instanceof LocalResponseNorm) {
      return "local response norm";
    } else if (layer instanceof Dropout dropout) {
      return "dropout (" + percent(dropout.rate()) + ")";
    }
    return layer.type();
  }

  /** The row's patch size/stride column: {@code 7x7/2}, {@code to 4x4} for an adaptive pool, else empty. */
  public static String patch(Layer layer) {
    if (layer instanceof Convolution conv) {
      return conv.patch().toString();
    } else if (layer instanceof Pool pool) {
      return pool.patch().toString();
    } else if (layer instanceof AdaptiveAvgPool pool) {
      return "to " + pool.height() + "x" + pool.width();
    }
    return "";
  }

  /**
   * One line saying what the row does beyond its kind and patch: filters, a 1x1 reduction, batch norm, units,
   * LRN size; empty when there is nothing to add.
   */
  public static String detail(Layer layer) {
    if (layer instanceof Convolution conv) {
      String filters = conv.reduce().isPresent()
          ? "1x1 reduce " + conv.reduce().getAsInt() + ", then " + conv.filters() + " filters"
          : conv.filters() + " filters";
      return filters + (conv.style().batchNorm().isPresent() ? " + BN" : "");
    } else if (layer instanceof Inception) {
      return "concatenation of 4 branches";
    } else if (layer instanceof Linear linear) {
      String units = linear.units() + (linear.toClasses() ? " classes" : " units");
      return linear.activation() == Activation.NONE ? units : units + " + " + linear.activation().yamlName();
    } else if (layer instanceof LocalResponseNorm lrn) {
      return "size " + lrn.size();
    } else if (layer instanceof Softmax) {
      return "applied by the loss";
    }
    return "";
  }

  /** A rate as a percentage without trailing zeros: {@code 0.4} → {@code 40%}. */
  public static String percent(double rate) {
    return new BigDecimal(Double.toString(rate)).movePointRight(2).stripTrailingZeros().toPlainString() + "%";
  }
}
