package io.netspec.report.format;

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

/** The fill colour of a row's box in every drawing of a network (SVG, HTML, DOT), by the row's kind. */
public final class LayerFill {

  private static final String POOL = "#fde9d2";
  private static final String OTHER = "#f1f1f1";

  private LayerFill() {}

  /** A CSS hex colour: blue for convolutions, orange for pools, green for Inception, violet for linear. */
  public static String of(Layer layer) {
    return layer.accept(new LayerVisitor<>() {
      @Override
      public String visitConvolution(Convolution row) {
        return "#dbe8f7";
      }

      @Override
      public String visitPool(Pool row) {
        return POOL;
      }

      @Override
      public String visitGlobalAvgPool(GlobalAvgPool row) {
        return POOL;
      }

      @Override
      public String visitAdaptiveAvgPool(AdaptiveAvgPool row) {
        return POOL;
      }

      @Override
      public String visitLocalResponseNorm(LocalResponseNorm row) {
        return OTHER;
      }

      @Override
      public String visitInception(Inception row) {
        return "#c9e6c1";
      }

      @Override
      public String visitDropout(Dropout row) {
        return OTHER;
      }

      @Override
      public String visitLinear(Linear row) {
        return "#e7dcf3";
      }

      @Override
      public String visitSoftmax(Softmax row) {
        return "#f8dada";
      }
    });
  }
}
