package io.netspec.report.format;

import io.netspec.dsl.spec.AdaptiveAvgPool;
import io.netspec.dsl.spec.Convolution;
import io.netspec.dsl.spec.GlobalAvgPool;
import io.netspec.dsl.spec.Inception;
import io.netspec.dsl.spec.Layer;
import io.netspec.dsl.spec.Linear;
import io.netspec.dsl.spec.Pool;
import io.netspec.dsl.spec.Softmax;

/** The fill colour of a row's box in every drawing of a network (SVG, HTML, DOT), by the row's kind. */
public final class LayerFill {

  private LayerFill() {}

  /** A CSS hex colour: blue for convolutions, orange for pools, green for Inception, violet for linear. */
  public static String of(Layer layer) {
    return switch (layer.type()) {
      case Convolution.TYPE -> "#dbe8f7";
      case Pool.MAX_TYPE, Pool.AVG_TYPE, GlobalAvgPool.TYPE, AdaptiveAvgPool.TYPE -> "#fde9d2";
      case Inception.TYPE -> "#c9e6c1";
      case Linear.TYPE -> "#e7dcf3";
      case Softmax.TYPE -> "#f8dada";
      default -> "#f1f1f1";
    };
  }
}
